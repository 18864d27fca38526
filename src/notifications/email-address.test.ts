import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './email-address.ts';

describe('normalizeEmail', () => {
  it('keeps an address, trimmed, its domain lower-cased; blank is no address', () => {
    expect(normalizeEmail('  Phunu.TongHop@TuSon.Gov.VN ')).toEqual({
      ok: true,
      email: 'Phunu.TongHop@tuson.gov.vn',
    });
    expect(normalizeEmail('a+b@x.vn')).toEqual({ ok: true, email: 'a+b@x.vn' });
    expect(normalizeEmail('   ')).toEqual({ ok: true, email: null });
  });

  it('refuses what is not an address', () => {
    for (const bad of [
      'phunu',
      'phunu@',
      '@tuson.vn',
      'phu nu@tuson.vn',
      'phunu@tuson',
      'phunu@@tuson.vn',
      'phunu@tuson..vn',
      '.phunu@tuson.vn',
      'phunu.@tuson.vn',
      'phunu@-tuson.vn',
      'phunu@1.2.3.4',
      'phụnữ@tuson.vn',
      'a@b.vn\nBcc: x@y.vn',
      `${'a'.repeat(65)}@tuson.vn`,
    ])
      expect(normalizeEmail(bad), bad).toEqual({ ok: false });
  });
});
