import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compareVietnameseNames, givenName } from './names.ts';

// Every Vietnamese letter with every tone, lower- and uppercase, in NFC (kept inline rather than
// in a shared helper so that no fast-check-importing module ends up in the production build).
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const LOWER = [
  ...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))),
  ...'bcdđghklmnpqrstvxfjwz',
];
const vietnameseLetter = fc.constantFrom(...LOWER, ...LOWER.map((c) => c.toUpperCase()));

// A name word such as "Thủy" or "đỨc": case is random on purpose, to provoke case-only ties.
const nameWord = fc
  .array(vietnameseLetter, { minLength: 1, maxLength: 6 })
  .map((cs) => cs.join(''));

describe('givenName', () => {
  it.each([
    ['Nguyễn Thị Thu Thủy', 'Thủy'],
    ['  Lê   Văn Bình ', 'Bình'],
    ['An', 'An'],
    ['', ''],
    ['   ', ''],
  ])('givenName(%j) = %j', (full, given) => {
    expect(givenName(full)).toBe(given);
  });
});

describe('compareVietnameseNames', () => {
  it('sorts by given name first', () => {
    const names = [
      'Nguyễn Văn Toán',
      'Trần Thị An',
      'Lê Văn Bình',
      'Nguyễn Thị Thu Thủy',
      'Phạm Xuân Khương',
    ];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Trần Thị An',
      'Lê Văn Bình',
      'Phạm Xuân Khương',
      'Nguyễn Thị Thu Thủy',
      'Nguyễn Văn Toán',
    ]);
  });

  it('follows the Vietnamese alphabet (Đ after D, tones ignored at first)', () => {
    const given = ['Đức', 'Dũng', 'Bình', 'Ánh', 'An'];
    expect([...given].sort(compareVietnameseNames)).toEqual(['An', 'Ánh', 'Bình', 'Dũng', 'Đức']);
    expect(compareVietnameseNames('Lê Dũng', 'Lê Dung')).toBeGreaterThan(0);
    expect(compareVietnameseNames('Vũ Ân', 'Lê Ăn')).toBeGreaterThan(0);
  });

  it('breaks given-name ties by middle name, then family name', () => {
    const names = ['Trần Văn An', 'Nguyễn Văn An', 'Lê Thị An', 'Lê An'];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Lê An',
      'Lê Thị An',
      'Nguyễn Văn An',
      'Trần Văn An',
    ]);
  });

  it('compares middle names before family names', () => {
    expect(compareVietnameseNames('Trần An', 'Nguyễn Bá An')).toBeLessThan(0);
    expect(compareVietnameseNames('Trần Bá An', 'Nguyễn Văn An')).toBeLessThan(0);
    expect(compareVietnameseNames('Nguyễn Văn An', 'Trần Văn An')).toBeLessThan(0);
    expect(compareVietnameseNames('An', 'Lê An')).toBeLessThan(0);
  });

  it('treats a lookalike eth as Đ', () => {
    expect(compareVietnameseNames('Lê Ðức', 'Lê Dũng')).toBeGreaterThan(0);
  });

  it('returns 0 only for identical strings', () => {
    expect(compareVietnameseNames('Lê An', 'Lê An')).toBe(0);
    expect(compareVietnameseNames('Lê An', 'Lê  An')).not.toBe(0);
    expect(compareVietnameseNames('Lê Ánh', 'Lê Ánh'.normalize('NFD'))).not.toBe(0);
    expect(compareVietnameseNames('lê an', 'Lê An')).not.toBe(0);
  });

  // Names from a small pool so that ties (same given name, case, NFD, spacing) are common.
  const word = fc.oneof(
    fc.constantFrom(
      'Nguyễn',
      'Trần',
      'Lê',
      'Văn',
      'Thị',
      'An',
      'Ánh',
      'Anh',
      'Dũng',
      'Dung',
      'Đức',
      'đức',
      'Thủy',
      'Thuỷ',
    ),
    nameWord,
  );
  const name = fc
    .tuple(fc.array(word, { minLength: 0, maxLength: 4 }), fc.constantFrom(' ', '  '), fc.boolean())
    .map(([ws, sep, nfd]) => {
      const s = ws.join(sep);
      return nfd ? s.normalize('NFD') : s;
    });

  it('is antisymmetric and zero only on equality', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const ab = Math.sign(compareVietnameseNames(a, b));
        const ba = Math.sign(compareVietnameseNames(b, a));
        expect(ab + ba).toBe(0);
        expect(ab === 0).toBe(a === b);
      }),
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(name, name, name, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareVietnameseNames) as [string, string, string];
        expect(compareVietnameseNames(x, y)).toBeLessThanOrEqual(0);
        expect(compareVietnameseNames(y, z)).toBeLessThanOrEqual(0);
        expect(compareVietnameseNames(x, z)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('sorts consistently: every pair in order, same result for any shuffle', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 30 }), fc.array(fc.nat()), (names, seeds) => {
        const sorted = [...names].sort(compareVietnameseNames);
        for (let i = 0; i < sorted.length; i++) {
          for (let j = i + 1; j < sorted.length; j++) {
            expect(compareVietnameseNames(sorted[i] ?? '', sorted[j] ?? '')).toBeLessThanOrEqual(0);
          }
        }
        // Fisher–Yates driven by generated seeds, so fast-check can shrink failing shuffles.
        const shuffled = [...names];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seeds[i % Math.max(seeds.length, 1)] ?? 0) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] ?? '', shuffled[i] ?? ''];
        }
        expect(shuffled.sort(compareVietnameseNames)).toEqual(sorted);
      }),
    );
  });
});
