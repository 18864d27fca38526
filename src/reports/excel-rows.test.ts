import { describe, expect, it } from 'vitest';
import { cellFigure, columnLetter, locateColumns, validateSheetRows } from './excel-rows.ts';

describe('indicator sheet rows', () => {
  const columns = locateColumns([
    'Mã chỉ tiêu',
    'Tên chỉ tiêu',
    'Đơn vị tính',
    'KỲ BÁO CÁO',
    'gia tri',
  ]);
  const ctx = {
    indicators: new Map([
      ['QUY_VNN', { id: 1, allowNegative: false, measure: 'triệu đồng' }],
      ['LOP_TH', { id: 2, allowNegative: false, measure: 'lớp' }],
      ['CHENH', { id: 3, allowNegative: true, measure: '%' }],
    ]),
    periodName: 'Quý III/2017',
    columns,
  };

  it('finds columns by header whatever the case and accents', () => {
    expect(columns).toEqual({ code: 1, name: 2, measure: 3, period: 4, value: 5 });
    expect(locateColumns(['Value', 'Code'])).toEqual({ value: 1, code: 2 });
  });

  it('reads numbers written as numbers, formulas, Vietnamese or plain text', () => {
    const read = (cell: unknown, measure = 'triệu đồng') => {
      const r = cellFigure(cell, measure);
      return r.ok ? r.value : r.rule;
    };
    expect(read(12)).toBe(12);
    expect(read(1234.5)).toBe(1234.5);
    expect(read({ formula: 'A1*2', result: 8 })).toBe(8);
    expect(read('1.234,5')).toBe(1234.5);
    expect(read('1.234')).toBe(1234);
    expect(read(' 12,5 ')).toBe(12.5);
    expect(read('')).toBeNull();
    expect(read(null)).toBeNull();
    expect(read('mười')).toBe('notNumber');
    expect(read('1.5')).toBe('ambiguousNumber');
    expect(read('1,5', 'nhà')).toBe('decimalsNotAllowed');
    expect(read(1.5, 'nhà')).toBe('decimalsNotAllowed');
    expect(columnLetter(27)).toBe('AA');
  });

  it('accepts a good sheet', () => {
    const result = validateSheetRows(
      [
        { row: 5, cells: { code: 'quy_vnn', period: 'Quý III/2017', value: 120.5 } },
        { row: 6, cells: { code: 'CHENH', period: 'quý iii/2017', value: -3 } },
        { row: 7, cells: { code: 'LOP_TH', period: '', value: null } },
      ],
      ctx,
    );
    expect(result.errors).toEqual({});
    expect(result.values).toEqual([
      { indicatorId: 1, value: 120.5 },
      { indicatorId: 3, value: -3 },
      { indicatorId: 2, value: null },
    ]);
  });

  it('lists every error by cell: unknown code, non-number, negative, wrong period, repeat', () => {
    const { errors } = validateSheetRows(
      [
        { row: 5, cells: { code: 'KHONG_CO', period: 'Quý III/2017', value: 1 } },
        { row: 6, cells: { code: 'QUY_VNN', period: 'Quý II/2017', value: 'nhiều' } },
        { row: 9, cells: { code: 'CHENH', period: 'Quý III/2017', value: '2.5' } },
        { row: 7, cells: { code: 'LOP_TH', period: 'Quý III/2017', value: -2 } },
        { row: 8, cells: { code: 'LOP_TH', period: 'Quý III/2017', value: 2 } },
      ],
      ctx,
    );
    expect(errors).toEqual({
      A5: { rule: 'unknownIndicator', params: { code: 'KHONG_CO' } },
      D6: { rule: 'wrongPeriod', params: { found: 'Quý II/2017', expected: 'Quý III/2017' } },
      E6: { rule: 'notNumber', params: { text: 'nhiều' } },
      E9: { rule: 'ambiguousNumber', params: { text: '2.5' } },
      E7: { rule: 'negative' },
      A8: { rule: 'duplicate' },
    });
  });
});
