import { describe, expect, it } from 'vitest';
import { bestSnippet } from './snippets.ts';

describe('bestSnippet', () => {
  const text = [
    'Hội nghị ghi nhận kết quả các đoàn thể đạt được, vận động nhân dân tích cực.',
    'Huy động mọi nguồn lực để thực hiện dự án trên địa bàn phường Đồng Kỵ.',
    'Rà soát kỷ luật trong quý.',
  ].join('\n');

  it('shows the line holding the words typed together, not the first line with some of them', () => {
    expect(bestSnippet(text, ['ket', 'luan', 'dong', 'ky'])).toBe(
      'Huy <mark>động</mark> mọi nguồn lực để thực hiện dự án trên địa bàn phường <mark>Đồng</mark> <mark>Kỵ</mark>.',
    );
  });

  it('shows the start of the text when no line holds a word (the title matched)', () => {
    expect(bestSnippet(text, ['thuong', 'vu'], 40)).toBe(
      'Hội nghị ghi nhận kết quả các đoàn thể …',
    );
  });

  it('escapes the text', () => {
    const html = bestSnippet('<b>Đồng Kỵ</b> & co', ['dong']);
    expect(html).toContain('<mark>Đồng</mark>');
    expect(html).not.toContain('<b>');
  });
});
