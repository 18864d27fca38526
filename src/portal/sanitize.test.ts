import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeBody } from './sanitize.ts';

const PAYLOADS = [
  '<script>alert(1)</script><p>ok</p>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)><p>ok</p></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<p style="background:url(javascript:alert(1))" onclick="alert(1)">ok</p>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
  '"><script>alert(1)</script>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
];

describe('sanitizeBody', () => {
  it.each(PAYLOADS)('strips the active parts of %s', (payload) => {
    const clean = sanitizeBody(payload);
    expect(clean).not.toMatch(
      /<script|onerror|onload|onclick|javascript:|<iframe|<svg|style=|data:/i,
    );
  });

  it('keeps the formatting an editor uses', () => {
    const html =
      '<h2>Kết quả</h2><p><strong>Đậm</strong> và <em>nghiêng</em> <a href="https://tuson.bacninh.gov.vn">liên kết</a></p><ul><li>Một</li></ul>';
    const clean = sanitizeBody(html);
    expect(clean).toContain('<h2>Kết quả</h2>');
    expect(clean).toContain('<strong>Đậm</strong>');
    expect(clean).toContain('href="https://tuson.bacninh.gov.vn"');
    expect(clean).toContain('rel="noopener noreferrer"');
    expect(clean).toContain('<li>Một</li>');
  });

  it('stores NFC', () => {
    expect(sanitizeBody('<p>Thi\u0323 u\u0309y</p>')).toBe('<p>Thị ủy</p>');
  });

  it('extracts text with spaces between blocks', () => {
    expect(htmlToText('<p>Một&nbsp;hai</p><p>ba &amp; bốn</p>')).toBe('Một hai ba & bốn');
  });
});
