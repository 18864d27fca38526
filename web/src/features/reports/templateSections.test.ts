import { describe, expect, it } from 'vitest';
import { keyFromTitle, sectionKeys } from './templateSections';

describe('section keys', () => {
  it('are made from a new section’s title: ASCII, lowercase, digits and underscores', () => {
    expect(keyFromTitle('Kết quả nổi bật')).toBe('ket_qua_noi_bat');
    expect(keyFromTitle('  Đánh giá 6 tháng (đầu năm)! ')).toBe('danh_gia_6_thang_dau_nam');
  });

  it('stay at most 40 characters, cut between words', () => {
    const key = keyFromTitle('Phương hướng, nhiệm vụ trọng tâm của quý tới và những năm tiếp theo');
    expect(key).toBe('phuong_huong_nhiem_vu_trong_tam_cua_quy');
    expect(key.length).toBeLessThanOrEqual(40);
  });

  it('are kept for saved sections whatever their title becomes', () => {
    expect(
      sectionKeys([
        { key: 'ket_qua', title: 'Kết quả nổi bật trong quý' },
        { key: 'han_che', title: 'Khó khăn' },
      ]),
    ).toEqual(['ket_qua', 'han_che']);
  });

  it('are numbered when a new title gives a key already taken, and never empty', () => {
    expect(
      sectionKeys([
        { title: 'Kết quả' },
        { key: 'ket_qua', title: 'Kết quả thực hiện nhiệm vụ' },
        { title: 'Kết quả' },
        { title: '!!!' },
        { title: '' },
      ]),
    ).toEqual(['ket_qua_2', 'ket_qua', 'ket_qua_3', 'muc', 'muc_2']);
  });

  it('always match what the server accepts', () => {
    const keys = sectionKeys([{ title: 'x'.repeat(60) }, { title: 'x'.repeat(60) }]);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9_]{1,40}$/);
    expect(new Set(keys).size).toBe(2);
  });
});
