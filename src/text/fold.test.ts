import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fold, slugify } from './fold.ts';

// Every Vietnamese letter with every tone, lower- and uppercase, in NFC (kept inline rather than
// in a shared helper so that no fast-check-importing module ends up in the production build).
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const LOWER = [
  ...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))),
  ...'bcdđghklmnpqrstvxfjwz',
];
const vietnameseLetter = fc.constantFrom(...LOWER, ...LOWER.map((c) => c.toUpperCase()));

const SEPARATORS = [...' \t\u00A0,.;:!?-/()"…–', '  '];
// Text made of Vietnamese letters, digits, spaces and punctuation.
const vietnameseText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: vietnameseLetter },
      fc.constantFrom(...SEPARATORS),
      fc.constantFrom(...'0123456789'),
    ),
    { maxLength: 60 },
  )
  .map((chars) => chars.join(''));

describe('fold', () => {
  it.each([
    ['Đồng Kỵ', 'dong ky'],
    ['Thị ủy Từ Sơn', 'thi uy tu son'],
    ['Vì người nghèo', 'vi nguoi ngheo'],
    ['QUỸ', 'quy'],
    ['  Khối Đảng,   đoàn thể — Quý III/2017 ', 'khoi dang doan the quy iii 2017'],
    ['Thuỷ', 'thuy'],
    ['Thủy', 'thuy'],
    ['Từ\u00ADSơn', 'tuson'],
    ['Ðức', 'duc'],
    ['', ''],
    ['?!', ''],
  ])('fold(%j) = %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('gives the same key for NFD input', () => {
    expect(fold('Đồng Kỵ'.normalize('NFD'))).toBe('dong ky');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => fold(fold(s)) === fold(s)));
    fc.assert(fc.property(vietnameseText, (s) => fold(fold(s)) === fold(s)));
  });

  it('outputs only [a-z0-9 ] with single inner spaces', () => {
    const shape = /^([a-z0-9]+( [a-z0-9]+)*)?$/;
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => shape.test(fold(s))));
    fc.assert(fc.property(vietnameseText, (s) => shape.test(fold(s))));
  });

  it('does not depend on normalization form', () => {
    fc.assert(
      fc.property(vietnameseText, (s) => fold(s.normalize('NFD')) === fold(s.normalize('NFC'))),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (s) => fold(s.normalize('NFD')) === fold(s.normalize('NFC')),
      ),
    );
  });

  it('does not depend on case for Vietnamese text', () => {
    fc.assert(fc.property(vietnameseText, (s) => fold(s.toUpperCase()) === fold(s)));
    fc.assert(fc.property(vietnameseText, (s) => fold(s.toLowerCase()) === fold(s)));
  });
});

describe('slugify', () => {
  it('builds the article slug', () => {
    expect(slugify('Thị ủy Từ Sơn giao ban khối Đảng, đoàn thể Quý III/2017')).toBe(
      'thi-uy-tu-son-giao-ban-khoi-dang-doan-the-quy-iii-2017',
    );
  });

  it('cuts at a word boundary', () => {
    expect(slugify('Thị ủy Từ Sơn giao ban', 12)).toBe('thi-uy-tu');
    expect(slugify('Thị ủy Từ Sơn giao ban', 13)).toBe('thi-uy-tu-son');
    expect(slugify('Thị ủy Từ Sơn giao ban', 10)).toBe('thi-uy-tu');
  });

  it('hard-cuts a single word longer than the limit', () => {
    expect(slugify('Nghiêngnghiêng', 5)).toBe('nghie');
  });

  it('returns empty for empty input or a non-positive limit', () => {
    expect(slugify('')).toBe('');
    expect(slugify('—/—')).toBe('');
    expect(slugify('abc', 0)).toBe('');
  });

  it('always yields a well-formed slug within maxLength', () => {
    const shape = /^[a-z0-9]+(-[a-z0-9]+)*$/;
    fc.assert(
      fc.property(
        fc.oneof(vietnameseText, fc.string({ unit: 'grapheme' })),
        fc.integer({ min: 1, max: 100 }),
        (s, max) => {
          const slug = slugify(s, max);
          expect(slug === '' || shape.test(slug)).toBe(true);
          expect(slug.length).toBeLessThanOrEqual(max);
          // Empty only when there is nothing to slug.
          expect(slug === '').toBe(fold(s) === '');
        },
      ),
    );
  });

  it('keeps whole words when the first word fits', () => {
    fc.assert(
      fc.property(vietnameseText, fc.integer({ min: 1, max: 100 }), (s, max) => {
        const full = slugify(s, 10_000);
        const slug = slugify(s, max);
        const firstWord = full.split('-')[0] ?? '';
        if (firstWord.length <= max) {
          expect(full === slug || full.startsWith(slug + '-')).toBe(true);
        }
      }),
    );
  });
});
