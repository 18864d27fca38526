import { describe, expect, it } from 'vitest';
import { highlight, matchRanges, searchTerms, snippet } from './highlight.ts';

describe('searchTerms', () => {
  it('folds diacritics and đ', () => {
    expect(searchTerms('Đồng Kỵ')).toEqual(['dong', 'ky']);
    expect(searchTerms('  thi uy  TU sơn ')).toEqual(['thi', 'uy', 'tu', 'son']);
  });
  it('bounds odd and huge input', () => {
    expect(searchTerms('<script>"\'; DROP TABLE --')).toEqual(['script', 'drop', 'table']);
    expect(searchTerms('a'.repeat(10_000))).toEqual(['a'.repeat(40)]);
    expect(searchTerms('\u202e\u0000🙂 ')).toEqual([]);
    expect(searchTerms(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
  });
});

describe('highlight', () => {
  it('marks the original letters of a folded match', () => {
    expect(highlight('phường Đồng Kỵ, Từ Sơn', ['dong', 'ky'])).toBe(
      'phường <mark>Đồng</mark> <mark>Kỵ</mark>, Từ Sơn',
    );
  });
  it('matches at word starts only and extends prefixes to the word', () => {
    expect(highlight('Thị ủy Từ Sơn', ['uy'])).toBe('Thị <mark>ủy</mark> Từ Sơn');
    expect(highlight('người nghèo', ['ngh'])).toBe('người <mark>nghèo</mark>');
    expect(matchRanges('chuyên', ['uy'])).toEqual([]);
  });
  it('keeps decomposed letters whole and escapes HTML', () => {
    const nfd = 'Đo\u0302\u0300ng <b>'.normalize('NFD');
    expect(highlight(nfd, ['dong'])).toBe(`<mark>${'Đồng'.normalize('NFD')}</mark> &#60;b&#62;`);
  });
  it('cuts a snippet around the first match', () => {
    const text = `${'mở đầu '.repeat(60)}quỹ Vì người nghèo ${'kết thúc '.repeat(60)}`;
    const s = snippet(text, ['vi', 'nguoi', 'ngheo'], 120);
    expect(s).toContain('<mark>Vì</mark> <mark>người</mark> <mark>nghèo</mark>');
    expect(s.startsWith('… ')).toBe(true);
    expect(s.endsWith(' …')).toBe(true);
  });
});
