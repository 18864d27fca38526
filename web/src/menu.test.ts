import { describe, expect, it } from 'vitest';
import { sectionOf } from './menu';

describe('sectionOf', () => {
  const keys = ['/', '/reports', '/portal/articles', '/portal/categories', '/units'];

  it('picks the entry a page lies under, the longest one when entries nest', () => {
    expect(sectionOf('/portal/categories', keys)).toBe('/portal/categories');
    expect(sectionOf('/portal/articles/12', keys)).toBe('/portal/articles');
    expect(sectionOf('/reports/5', keys)).toBe('/reports');
    expect(sectionOf('/', keys)).toBe('/');
  });

  it('does not take a key for a prefix of another word', () => {
    expect(sectionOf('/reportsx', keys)).toBe('/');
    expect(sectionOf('/portal', keys)).toBe('/');
  });
});
