import { describe, expect, it } from 'vitest';
import { canAdministerUnit } from './roles';

describe('canAdministerUnit', () => {
  const units = [
    { id: 1, parentId: null },
    { id: 2, parentId: 1 },
    { id: 3, parentId: 2 },
    { id: 4, parentId: 1 },
  ];
  it('reaches the unit the admin role is held in and everything beneath it, nothing else', () => {
    const wardAdmin = { roles: [{ unitId: 2, role: 'admin' as const }] };
    expect([1, 2, 3, 4].map((id) => canAdministerUnit(wardAdmin, id, units))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
  it('ignores roles other than admin', () => {
    const reporter = { roles: [{ unitId: 1, role: 'reporter' as const }] };
    expect(canAdministerUnit(reporter, 3, units)).toBe(false);
  });
});
