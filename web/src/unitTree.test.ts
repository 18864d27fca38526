import { describe, expect, it } from 'vitest';
import type { Unit } from './api/types';
import { committeeOf } from './unitTree';

const unit = (id: number, parentId: number | null, name: string, sortOrder = 0): Unit => ({
  id,
  parentId,
  kind: 'party_committee',
  name,
  shortName: null,
  sortOrder,
  active: true,
  version: 1,
  createdAt: '2017-01-01T00:00:00.000Z',
  updatedAt: '2017-01-01T00:00:00.000Z',
});

describe('committeeOf', () => {
  const units = [
    unit(1, null, 'Thị ủy Từ Sơn'),
    unit(2, 1, 'Văn phòng Thị ủy'),
    unit(3, 2, 'Tổ tổng hợp'),
    unit(9, null, 'Huyện ủy Tiên Du', 1),
  ];

  it('names the root above the unit of the first role', () => {
    expect(committeeOf(units, [3])?.name).toBe('Thị ủy Từ Sơn');
    expect(committeeOf(units, [9, 3])?.name).toBe('Huyện ủy Tiên Du');
  });

  it('falls back to the first root for a person without roles', () => {
    expect(committeeOf(units, [])?.name).toBe('Thị ủy Từ Sơn');
    expect(committeeOf([], [])).toBeNull();
  });

  it('stops at a unit whose parent is not in the list', () => {
    expect(committeeOf([unit(3, 2, 'Tổ tổng hợp')], [3])?.name).toBe('Tổ tổng hợp');
  });
});
