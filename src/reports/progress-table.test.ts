import { describe, expect, it } from 'vitest';
import { blocDate, quarterThrough } from './progress-table.ts';

describe('which date the figures speak for', () => {
  it('rounds a date down to the last quarter ended by then', () => {
    expect(quarterThrough(2017, null)).toBe(0);
    expect(quarterThrough(2017, '2017-03-30')).toBe(0);
    expect(quarterThrough(2017, '2017-03-31')).toBe(1);
    expect(quarterThrough(2017, '2017-09-30')).toBe(3);
    expect(quarterThrough(2017, '2017-12-30')).toBe(3);
    expect(quarterThrough(2017, '2018-02-01')).toBe(4);
  });

  it('dates the bloc where more than half of the units that sent have reached', () => {
    const q3 = '2017-09-30';
    const q4 = '2017-12-31';
    // One unit's Quý IV does not move ten units to the year end.
    expect(blocDate([q4, ...Array<string>(9).fill(q3)])).toBe(q3);
    expect(blocDate([q4, q4, q3])).toBe(q4);
    expect(blocDate([q4, q3])).toBe(q3); // half is not more than half
    expect(blocDate([q3, null, null])).toBe(q3); // units that sent nothing do not hold it back
    expect(blocDate([null, null])).toBeNull();
  });
});
