import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeRichText } from './rich-text.ts';

describe('sanitizeRichText', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<svg onload=alert(1)>',
    '<iframe src="https://example.org"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<a href="//evil.example/x">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
  ];

  it.each(payloads)('leaves nothing executable of %s', (payload) => {
    for (const images of [false, true]) {
      const clean = sanitizeRichText(`<p>Trước</p>${payload}<p>Sau</p>`, { images });
      expect(clean).not.toMatch(
        /script|onerror|onload|javascript:|<iframe|<svg|style=|\/\/evil|data:/i,
      );
      expect(clean).toContain('<p>Trước</p>');
    }
  });

  it('keeps images only where allowed, and stores NFC', () => {
    const html = '<p>Thi\u0323 u\u0309y</p><img src="https://example.org/a.jpg" alt="Ảnh">';
    expect(sanitizeRichText(html)).toBe('<p>Thị ủy</p>');
    expect(sanitizeRichText(html, { images: true })).toBe(
      '<p>Thị ủy</p><img src="https://example.org/a.jpg" alt="Ảnh" />',
    );
  });

  it('turns a pasted h1 into h2 and marks links noopener', () => {
    expect(sanitizeRichText('<h1>Tiêu đề</h1><a href="https://a.vn">a</a>')).toBe(
      '<h2>Tiêu đề</h2><a href="https://a.vn" rel="noopener noreferrer">a</a>',
    );
  });
});

describe('htmlToText', () => {
  it('gives one line for search, or a line per block for diffs', () => {
    const html = '<p>Một&nbsp;hai</p><ul><li>ba &amp; bốn</li></ul><p>năm<br>sáu</p>';
    expect(htmlToText(html)).toBe('Một hai ba & bốn năm sáu');
    expect(htmlToText(html, { lines: true })).toBe('Một hai\nba & bốn\nnăm\nsáu');
  });
});
