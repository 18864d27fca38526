import { describe, expect, it } from 'vitest';
import { agendaOverrun, moveItem } from './timing';

describe('agenda against the meeting length', () => {
  it('adds the planned durations and says by how much they overrun', () => {
    const length = 9000;
    const items = [{ plannedSeconds: 6000 }, { plannedSeconds: 3600 }];
    expect(agendaOverrun(items, length)).toEqual({ plannedSeconds: 9600, overSeconds: 600 });
    expect(agendaOverrun(items.slice(0, 1), length).overSeconds).toBeLessThan(0);
    expect(agendaOverrun(items, 0).overSeconds).toBe(0);
  });
});

describe('moveItem', () => {
  it('moves one item and keeps the others in order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
});
