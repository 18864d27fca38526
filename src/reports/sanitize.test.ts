import { describe, expect, it } from 'vitest';
import { richTextToPlain, sanitizeRichText } from './sanitize.ts';

describe('rich text sanitizer', () => {
  it('keeps the editor formatting and drops script, event handlers and javascript: links', () => {
    const dirty =
      '<p onclick="x()">Kết quả <strong>tốt</strong></p><script>alert(1)</script>' +
      '<img src=x onerror="alert(2)"><a href="javascript:alert(3)">xem</a>' +
      '<a href="https://tuson.bacninh.gov.vn" onmouseover="y()">cổng</a><style>p{}</style>';
    const clean = sanitizeRichText(dirty);
    expect(clean).toBe(
      '<p>Kết quả <strong>tốt</strong></p><a rel="noopener noreferrer">xem</a>' +
        '<a href="https://tuson.bacninh.gov.vn" rel="noopener noreferrer">cổng</a>',
    );
    expect(clean).not.toMatch(/script|onerror|onclick|javascript:|<img|style/i);
  });

  it('turns sections into plain lines for the diff', () => {
    expect(richTextToPlain('<p>Dòng 1</p><ul><li>A &amp; B</li></ul>')).toBe('Dòng 1\nA & B');
  });
});
