import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  TIME_ZONE,
  formatDate,
  formatDateTime,
  formatNumber,
  parseVietnameseDateTime,
  placeDateLine,
  vnDayStartIso,
} from './format.ts';

const MINUTE = 60_000;
// 12/10/2017 08:56 in Vietnam is 01:56 UTC.
const BRIEFING = new Date('2017-10-12T01:56:00Z');

describe('formatDateTime / formatDate', () => {
  it('formats in Vietnamese time with two-digit fields', () => {
    expect(formatDateTime(BRIEFING)).toBe('12/10/2017 08:56');
    expect(formatDate(BRIEFING)).toBe('12/10/2017');
    expect(formatDateTime('2017-01-05T00:07:00Z')).toBe('05/01/2017 07:07');
  });

  it('rolls over to the next Vietnamese day after 17:00 UTC', () => {
    expect(formatDateTime('2017-12-31T17:00:00Z')).toBe('01/01/2018 00:00');
    expect(formatDate('2017-12-31T16:59:59Z')).toBe('31/12/2017');
  });

  it('accepts ISO strings and rejects invalid dates', () => {
    expect(formatDateTime('2017-10-12T08:56:00+07:00')).toBe('12/10/2017 08:56');
    expect(() => formatDateTime('not a date')).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('agrees with the IANA zone from 1976 on (no 24:00, no DST)', () => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1976-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
          expect(formatDateTime(d)).toBe(
            `${p['day']}/${p['month']}/${p['year']} ${p['hour']}:${p['minute']}`,
          );
        },
      ),
    );
  });
});

describe('parseVietnameseDateTime', () => {
  it('parses Vietnamese wall-clock time', () => {
    expect(parseVietnameseDateTime('12/10/2017 08:56')?.toISOString()).toBe(
      '2017-10-12T01:56:00.000Z',
    );
    expect(parseVietnameseDateTime(' 1/2/2018 7:05 ')?.toISOString()).toBe(
      '2018-02-01T00:05:00.000Z',
    );
    expect(parseVietnameseDateTime('01/01/2018 00:00')?.toISOString()).toBe(
      '2017-12-31T17:00:00.000Z',
    );
  });

  it('treats a bare date as midnight', () => {
    expect(parseVietnameseDateTime('12/10/2017')?.toISOString()).toBe('2017-10-11T17:00:00.000Z');
  });

  it('handles leap days', () => {
    expect(parseVietnameseDateTime('29/02/2016 12:00')).not.toBeNull();
    expect(parseVietnameseDateTime('29/02/2000 12:00')).not.toBeNull();
    expect(parseVietnameseDateTime('29/02/2017 12:00')).toBeNull();
    expect(parseVietnameseDateTime('29/02/2100 12:00')).toBeNull();
  });

  it.each([
    '',
    '12/10/17 08:56',
    '32/10/2017 08:56',
    '31/04/2017 08:56',
    '00/10/2017 08:56',
    '12/13/2017 08:56',
    '12/00/2017 08:56',
    '12/10/2017 24:00',
    '12/10/2017 08:60',
    '12/10/2017 8:5',
    '12/10/2017 08:56:00',
    '12-10-2017 08:56',
    '2017-10-12T08:56',
    '12/10/0000 08:56',
    '１２/10/2017 08:56',
  ])('rejects %j', (s) => {
    expect(parseVietnameseDateTime(s)).toBeNull();
  });

  it('round-trips formatDateTime to the minute for 1990–2100', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2100-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const parsed = parseVietnameseDateTime(formatDateTime(d));
          expect(parsed?.getTime()).toBe(Math.floor(d.getTime() / MINUTE) * MINUTE);
        },
      ),
    );
  });
});

describe('placeDateLine', () => {
  it('writes the Party document date line with two-digit day and month', () => {
    expect(placeDateLine('Từ Sơn', BRIEFING)).toBe('Từ Sơn, ngày 12 tháng 10 năm 2017');
    expect(placeDateLine('Từ Sơn', '2018-03-05T03:00:00Z')).toBe(
      'Từ Sơn, ngày 05 tháng 03 năm 2018',
    );
  });

  it('uses the Vietnamese calendar day and NFC place name', () => {
    expect(placeDateLine(' Bắc Ninh '.normalize('NFD'), '2017-12-31T18:00:00Z')).toBe(
      'Bắc Ninh, ngày 01 tháng 01 năm 2018',
    );
  });
});

describe('formatNumber', () => {
  it.each<[number, number | undefined, string]>([
    [1234567, undefined, '1.234.567'],
    [1234.5, undefined, '1.234,5'],
    [-1234, undefined, '-1.234'],
    [0, undefined, '0'],
    [-0, undefined, '0'],
    [999, undefined, '999'],
    [1000, undefined, '1.000'],
    [0.5, undefined, '0,5'],
    [1.23456, undefined, '1,235'],
    [0.1 + 0.2, undefined, '0,3'],
    [-0.0001, undefined, '0'],
    [1.005, 2, '1,01'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [12.5, 2, '12,50'],
    [999.9996, undefined, '1.000'],
    [99.5, 0, '100'],
    [1e21, undefined, '1.000.000.000.000.000.000.000'],
    [1.5e-7, 8, '0,00000015'],
    [5e-7, 6, '0,000001'],
    [Number.MAX_SAFE_INTEGER, undefined, '9.007.199.254.740.991'],
    [Number.NaN, undefined, 'NaN'],
    [Number.POSITIVE_INFINITY, undefined, '∞'],
    [Number.NEGATIVE_INFINITY, undefined, '-∞'],
  ])('formatNumber(%d, %s) = %j', (n, digits, expected) => {
    expect(formatNumber(n, digits)).toBe(expected);
  });

  it('rejects invalid fractionDigits', () => {
    expect(() => formatNumber(1, -1)).toThrow(RangeError);
    expect(() => formatNumber(1, 1.5)).toThrow(RangeError);
    expect(() => formatNumber(1, 21)).toThrow(RangeError);
  });

  const unformat = (s: string): number => Number(s.replace(/\./g, '').replace(',', '.'));

  it('round-trips integers', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const s = formatNumber(n);
        expect(s).toMatch(/^-?\d{1,3}(\.\d{3})*$/);
        expect(unformat(s)).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('round-trips numbers with one or two decimals', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
        fc.constantFrom(10, 100),
        (k, scale) => {
          const n = Number(k) / scale;
          const s = formatNumber(n);
          expect(s).toMatch(/^-?\d{1,3}(\.\d{3})*(,\d{1,2})?$/);
          expect(unformat(s)).toBe(n + 0);
          expect(unformat(formatNumber(n, 2))).toBe(n + 0);
        },
      ),
    );
  });

  it('agrees with toFixed where binary rounding is not at stake', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 4 }),
        (k, digits) => {
          const n = k / 1000; // at most 3 decimals, so rounding to >=3 digits is exact
          const expected = Math.abs(n).toFixed(Math.max(digits, 3));
          const got = formatNumber(n, Math.max(digits, 3));
          expect(got.replace(/\./g, '').replace(',', '.').replace('-', '')).toBe(expected);
        },
      ),
    );
  });
});

describe('vnDayStartIso', () => {
  it('is midnight in Vietnam, 17:00 UTC the day before', () => {
    expect(vnDayStartIso('2017-10-12')).toBe('2017-10-11T17:00:00.000Z');
    expect(vnDayStartIso('2017-10-12', 1)).toBe('2017-10-12T17:00:00.000Z');
    expect(vnDayStartIso('2017-12-31', 1)).toBe('2017-12-31T17:00:00.000Z');
    expect(formatDateTime(vnDayStartIso('2018-01-01'))).toBe('01/01/2018 00:00');
  });
});
