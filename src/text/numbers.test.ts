import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  NUMBER_LIMIT,
  farAbove,
  formatNumberExact,
  formatWhileTyping,
  isFar,
  measureAllowsDecimals,
  parseFigure,
  parseNumber,
} from './numbers.ts';

const valueOf = (text: string) => {
  const r = parseNumber(text);
  return r.ok ? r.value : r.rule;
};

describe('parseNumber', () => {
  it.each([
    ['1.234', 1234],
    ['1,5', 1.5],
    ['1.234.567,89', 1234567.89],
    ['1234567', 1234567],
    ['  2.500.000 ', 2500000],
    ['-1.234', -1234],
    ['\u22121,5', -1.5],
    ['0', 0],
    ['-0', 0],
    ['007', 7],
    ['1234,5', 1234.5],
    ['1,234', 1.234],
    ['0,0001', 0.0001],
    ['', null],
    ['   ', null],
    ['1.000.000.000.000', 1e12],
  ])('reads %j as %j', (text, value) => {
    expect(valueOf(text)).toBe(value);
  });

  it.each([
    ['1.5', 'ambiguousNumber'],
    ['1.23', 'ambiguousNumber'],
    ['12.3456', 'ambiguousNumber'],
    ['1,234.5', 'ambiguousNumber'],
    ['1.234,5,6', 'ambiguousNumber'],
    ['1,2,3', 'ambiguousNumber'],
    ['1.234.56', 'ambiguousNumber'],
    ['12.34.567', 'ambiguousNumber'],
    [',5', 'ambiguousNumber'],
    ['1,', 'ambiguousNumber'],
    ['.', 'notNumber'],
    ['abc', 'notNumber'],
    ['1 234', 'notNumber'],
    ['1e5', 'notNumber'],
    ['12%', 'notNumber'],
    ['--1', 'notNumber'],
    ['Infinity', 'notNumber'],
    ['1.000.000.000.001', 'numberTooLarge'],
  ])('refuses %j (%s)', (text, rule) => {
    expect(valueOf(text)).toBe(rule);
  });
});

// Every finite double the API accepts: integers (the usual figure) and fractions of all kinds.
const figure = fc.oneof(
  fc.integer({ min: -NUMBER_LIMIT, max: NUMBER_LIMIT }),
  fc.double({ min: -NUMBER_LIMIT, max: NUMBER_LIMIT, noNaN: true, noDefaultInfinity: true }),
  fc
    .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 3 }))
    .map(([n, d]) => n / 10 ** d),
);

describe('formatNumberExact → parseNumber', () => {
  it('is the identity on every figure', () => {
    fc.assert(
      fc.property(figure, (n) => {
        const r = parseNumber(formatNumberExact(n));
        expect(r).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
      { numRuns: 2000 },
    );
  });

  it('groups thousands with dots and writes decimals after a comma', () => {
    expect(formatNumberExact(1234567.89)).toBe('1.234.567,89');
    expect(formatNumberExact(-2500000)).toBe('-2.500.000');
    expect(formatNumberExact(1e-7)).toBe('0,0000001');
    expect(formatNumberExact(0.1 + 0.2)).toBe('0,30000000000000004');
  });

  it('formats back what it reads, in the canonical form', () => {
    const canonical = fc
      .tuple(fc.boolean(), fc.integer({ min: 0, max: 999_999_999 }), fc.option(fc.nat(999)))
      .map(([neg, int, frac]) =>
        `${neg && (int > 0 || (frac ?? 0) > 0) ? '-' : ''}${formatNumberExact(int)}${
          frac === null ? '' : ',' + String(frac).padStart(3, '0').replace(/0+$/, '')
        }`.replace(/,$/, ''),
      );
    fc.assert(
      fc.property(canonical, (text) => {
        const r = parseNumber(text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(formatNumberExact(r.value!)).toBe(text);
      }),
    );
  });
});

describe('formatWhileTyping', () => {
  it.each([
    ['1234567', '', '1.234.567'],
    ['1.2345', '1.234', '12.345'],
    ['1.23', '1.234', '123'],
    ['1.23.567', '1.234.567', '123.567'],
    ['1234,5', '1.234,', '1.234,5'],
    ['1234,', '', '1.234,'],
    ['-12345', '', '-12.345'],
    ['1.', '1', '1.'],
    ['1.5', '1.', '1.5'],
    ['1.50', '1.5', '1.50'],
    ['12.3', '123', '12.3'],
    ['abc', '', 'abc'],
    ['', '1', ''],
  ])('shows %j (after %j) as %j', (typed, previous, shown) => {
    expect(formatWhileTyping(typed, previous)).toBe(shown);
  });

  it('shows every number typed digit by digit in its grouping', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{0,12}(,\d{0,4})?$/), (typed) => {
        let shown = '';
        for (const ch of typed) shown = formatWhileTyping(shown + ch, shown);
        expect(shown.replace(/\./g, '')).toBe(typed);
        const [int = ''] = typed.split(',');
        expect(shown.split(',')[0]).toBe(formatNumberExact(Number(int)));
      }),
    );
  });

  it('never changes the number typed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{0,13}(,\d{0,4})?$/), (typed) => {
        const before = parseNumber(typed);
        const after = parseNumber(formatWhileTyping(typed));
        if (before.ok) expect(after).toEqual(before);
      }),
    );
  });
});

describe('figures by measure', () => {
  it('takes decimals only where the measure is not a count', () => {
    expect(measureAllowsDecimals('triệu đồng')).toBe(true);
    expect(measureAllowsDecimals('%')).toBe(true);
    expect(measureAllowsDecimals('nhà')).toBe(false);
    expect(measureAllowsDecimals(' Người ')).toBe(false);
    expect(measureAllowsDecimals('mo hinh')).toBe(false);
    expect(parseFigure('1,5', 'nhà')).toMatchObject({ ok: false, rule: 'decimalsNotAllowed' });
    expect(parseFigure(1.5, 'nhà')).toMatchObject({
      ok: false,
      rule: 'decimalsNotAllowed',
      params: { text: '1,5' },
    });
    expect(parseFigure('1,5', 'triệu đồng')).toEqual({ ok: true, value: 1.5 });
    expect(parseFigure('1.234', 'nhà')).toEqual({ ok: true, value: 1234 });
    expect(parseFigure(1e13, 'người')).toMatchObject({ ok: false, rule: 'numberTooLarge' });
  });

  it('calls a value far above ten times the larger of target and largest sent quarter', () => {
    expect(farAbove(167, 50)).toBe(1670);
    expect(farAbove(null, 40)).toBe(400);
    expect(farAbove(null, null)).toBeNull();
    expect(isFar(1234567, farAbove(167, null))).toBe(true);
    expect(isFar(1670, farAbove(167, null))).toBe(false);
    expect(isFar(1671, farAbove(167, null))).toBe(true);
    expect(isFar(5, null)).toBe(false);
  });
});
