import { describe, expect, it } from 'vitest';
import {
  ARTICLE_ACTIONS,
  ARTICLE_STATES,
  allowedActions,
  isPublic,
  transition,
} from './articles.states.ts';

describe('article workflow', () => {
  it('follows draft → scheduled → published → unpublished', () => {
    expect(transition('draft', 'schedule')).toBe('scheduled');
    expect(transition('scheduled', 'publish')).toBe('published');
    expect(transition('published', 'unpublish')).toBe('unpublished');
    expect(transition('unpublished', 'publish')).toBe('published');
  });

  it('refuses what the table does not list', () => {
    expect(transition('published', 'schedule')).toBeNull();
    expect(transition('draft', 'unpublish')).toBeNull();
    expect(transition('published', 'to_draft')).toBeNull();
  });

  it('lists the allowed actions of every state from the same table', () => {
    for (const state of ARTICLE_STATES) {
      for (const action of ARTICLE_ACTIONS) {
        expect(allowedActions(state).includes(action)).toBe(transition(state, action) !== null);
      }
    }
    expect(allowedActions('draft')).toEqual(['schedule', 'publish']);
  });

  it('shows only published articles whose time has come', () => {
    expect(isPublic('published', '2017-10-12T01:56:00.000Z', '2026-01-01T00:00:00.000Z')).toBe(
      true,
    );
    expect(isPublic('published', '2030-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')).toBe(
      false,
    );
    expect(isPublic('scheduled', '2017-10-12T01:56:00.000Z', '2026-01-01T00:00:00.000Z')).toBe(
      false,
    );
    expect(isPublic('unpublished', '2017-10-12T01:56:00.000Z', '2026-01-01T00:00:00.000Z')).toBe(
      false,
    );
  });
});
