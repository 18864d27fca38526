import { describe, expect, it } from 'vitest';
import { formatFigure, vietnamWallClock } from './format';

describe('formatFigure', () => {
  it('writes figures the Vietnamese way through the shared formatter, two decimals at most', () => {
    expect(formatFigure(1234567.5, 'vi')).toBe('1.234.567,5');
    expect(formatFigure(49.6, 'vi')).toBe('49,6');
    expect(formatFigure(100, 'vi')).toBe('100');
    expect(formatFigure(1002.987, 'vi')).toBe('1.002,99');
    expect(formatFigure(0.004, 'vi')).toBe('0');
  });

  it('writes them the English way in the English interface', () => {
    expect(formatFigure(1234.5, 'en')).toBe('1,234.5');
    expect(formatFigure(49.6, 'en')).toBe('49.6');
    expect(formatFigure(1002.987, 'en')).toBe('1,002.99');
  });

  it('shows a missing figure as a dash', () => {
    expect(formatFigure(null, 'vi')).toBe('—');
    expect(formatFigure(undefined, 'en')).toBe('—');
  });
});

describe('vietnamWallClock', () => {
  it('gives the date and time in Vietnam, across the day boundary of UTC', () => {
    expect(vietnamWallClock('2017-10-11T01:00:00.000Z')).toEqual({
      date: '2017-10-11',
      time: '08:00',
    });
    expect(vietnamWallClock('2017-12-31T17:30:00Z')).toEqual({ date: '2018-01-01', time: '00:30' });
  });
});
