import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../units/roles.ts';
import { UnitTree } from '../units/unit-tree.ts';
import { canReadTask, readableUnits, taskPermissions, type TaskAccess } from './tasks.policy.ts';

// Committee 1 with boards 2 and 3 beneath it; board 4 under another committee 5.
const tree = new UnitTree(
  new Map<number, number | null>([
    [1, null],
    [2, 1],
    [3, 1],
    [5, null],
    [4, 5],
  ]),
);
const actor = (id: number, role: Role, unitId: number): Actor => ({
  id,
  username: `u${id}`,
  fullName: `U${id}`,
  roles: [{ unitId, role }],
});
const secretariat = actor(1, 'secretariat', 1);
const chair = actor(2, 'chair', 1);
const reporter2 = actor(3, 'reporter', 2);
const head2 = actor(4, 'unit_head', 2);
const reporter3 = actor(5, 'reporter', 3);
const secretariat5 = actor(6, 'secretariat', 5);
const admin1 = actor(7, 'admin', 1);

// Convened by 1, led by 2, 3 coordinating.
const task = (state: TaskAccess['state']): TaskAccess => ({
  unitId: 1,
  leadUnitId: 2,
  coordinatingUnitIds: [3],
  state,
});

describe('task policy', () => {
  it('lets the committee, the lead and the coordinating units read, nobody else', () => {
    for (const a of [secretariat, chair, reporter2, head2, reporter3])
      expect(canReadTask(a, task('not_started'), tree)).toBe(true);
    for (const a of [secretariat5, admin1])
      expect(canReadTask(a, task('not_started'), tree)).toBe(false);
  });

  it('gives the secretariat the management and the lead unit the work', () => {
    expect(taskPermissions(secretariat, task('not_started'), tree)).toEqual([
      'edit',
      'change_deadline',
      'cancel',
    ]);
    expect(taskPermissions(reporter2, task('not_started'), tree)).toEqual(['start']);
    expect(taskPermissions(head2, task('in_progress'), tree)).toEqual(['report_done']);
    expect(taskPermissions(secretariat, task('reported_done'), tree)).toEqual([
      'edit',
      'change_deadline',
      'accept',
      'return',
      'cancel',
    ]);
    expect(taskPermissions(reporter2, task('returned'), tree)).toEqual(['resume']);
    expect(taskPermissions(reporter3, task('in_progress'), tree)).toEqual([]);
    expect(taskPermissions(chair, task('reported_done'), tree)).toEqual([]);
    expect(taskPermissions(secretariat, task('accepted'), tree)).toEqual([]);
  });

  it('lists the units whose tasks each reads', () => {
    expect(readableUnits(secretariat, tree)).toEqual({ committee: [1, 2, 3], own: [] });
    expect(readableUnits(reporter2, tree)).toEqual({ committee: [], own: [2] });
    expect(readableUnits(admin1, tree)).toEqual({ committee: [], own: [] });
  });
});
