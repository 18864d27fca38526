import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { nfc, cleanText, deepNfc } from './nfc.ts';

const NFD_NAME = 'Nguyễn Thị Thu Thủy'.normalize('NFD');

describe('nfc', () => {
  it('composes decomposed Vietnamese', () => {
    expect(NFD_NAME).not.toBe('Nguyễn Thị Thu Thủy');
    expect(nfc(NFD_NAME)).toBe('Nguyễn Thị Thu Thủy');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => nfc(nfc(s)) === nfc(s)));
  });
});

describe('cleanText', () => {
  it('strips NUL and C0 controls but keeps tab, LF, CR', () => {
    expect(cleanText('a\u0000b\u0007c\u001Bd\u007Fe\tf\ng\rh')).toBe('abcde\tf\ng\rh');
  });

  it('composes letters that a control character had split', () => {
    expect(cleanText('u\u0000\u031B')).toBe('ư');
  });
});

describe('deepNfc', () => {
  it('normalizes strings nested in objects and arrays', () => {
    const input = {
      name: NFD_NAME,
      tags: ['Đồng Kỵ'.normalize('NFD'), 3, null, true],
      nested: { q: 'x\u0000y' },
    };
    expect(deepNfc(input)).toEqual({
      name: 'Nguyễn Thị Thu Thủy',
      tags: ['Đồng Kỵ', 3, null, true],
      nested: { q: 'xy' },
    });
  });

  it('does not mutate its input', () => {
    const input = { a: [NFD_NAME] };
    deepNfc(input);
    expect(input.a[0]).toBe(NFD_NAME);
  });

  it('handles top-level strings and primitives', () => {
    expect(deepNfc(NFD_NAME)).toBe('Nguyễn Thị Thu Thủy');
    expect(deepNfc(42)).toBe(42);
    expect(deepNfc(null)).toBe(null);
    expect(deepNfc(undefined)).toBe(undefined);
  });

  it('leaves non-plain objects untouched', () => {
    const date = new Date(0);
    const out = deepNfc({ date });
    expect(out.date).toBe(date);
  });

  it('walks null-prototype objects (query strings)', () => {
    const q = Object.create(null) as Record<string, unknown>;
    q['q'] = 'Từ Sơn'.normalize('NFD');
    const out = deepNfc(q);
    expect(out['q']).toBe('Từ Sơn');
    expect(Object.getPrototypeOf(out)).toBe(null);
  });

  it('keeps a JSON "__proto__" key as data instead of changing the prototype', () => {
    const body = JSON.parse('{"__proto__": {"isAdmin": true}, "name": "a"}') as Record<
      string,
      unknown
    >;
    const out = deepNfc(body);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'name']);
    expect((out as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });

  it('survives very deep nesting without a stack overflow', () => {
    const depth = 200_000;
    const deep = JSON.parse('['.repeat(depth) + '"e\u0301"' + ']'.repeat(depth)) as unknown;
    let node = deepNfc(deep);
    for (let i = 0; i < depth; i++) node = (node as unknown[])[0];
    expect(node).toBe('é');
  });

  it('copies cyclic structures without looping', () => {
    const a: { self?: unknown; s: string } = { s: 'e\u0301' };
    a.self = a;
    const out = deepNfc(a);
    expect(out.s).toBe('é');
    expect(out.self).toBe(out);
  });

  it('matches a naive recursive reference on arbitrary JSON', () => {
    const reference = (v: unknown): unknown => {
      if (typeof v === 'string') return cleanText(v);
      if (Array.isArray(v)) return v.map(reference);
      if (typeof v === 'object' && v !== null) {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, reference(x)]));
      }
      return v;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(deepNfc(v)).toStrictEqual(reference(v));
      }),
    );
  });
});
