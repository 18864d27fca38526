import { holdsRoleOver } from '../units/units.policy.ts';
import type { Actor, Role } from '../units/roles.ts';
import type { UnitTree } from '../units/unit-tree.ts';
import {
  TASK_TRANSITIONS,
  isOpenTask,
  taskActionsFrom,
  type TaskPermission,
  type TaskState,
} from './tasks.states.ts';

/*
 * Who may do what with a task. The convening unit's secretariat issues tasks, edits them,
 * changes their deadline, accepts or returns a "done" report and cancels; the lead unit's
 * reporter or head starts the work and reports it done; the lead and coordinating units read
 * their tasks; the convening unit's secretariat and chair read all of the committee's tasks.
 * Refusals are 403, as elsewhere.
 */

/** What the policy needs to know about a task. */
export interface TaskAccess {
  /** The convening unit. */
  unitId: number;
  leadUnitId: number;
  coordinatingUnitIds: readonly number[];
  state: TaskState;
}

const UNIT_ROLES: readonly Role[] = ['reporter', 'unit_head'];
const COMMITTEE_ROLES: readonly Role[] = ['secretariat', 'chair'];

function holdsAny(actor: Actor, roles: readonly Role[], unitId: number, tree: UnitTree) {
  return roles.some((r) => holdsRoleOver(actor, r, unitId, tree));
}

/** The convening unit's secretariat issues and manages the committee's tasks. */
export function canManageTasks(actor: Actor, convenerId: number, tree: UnitTree): boolean {
  return holdsRoleOver(actor, 'secretariat', convenerId, tree);
}

/**
 * Turning a concluded meeting's directives into tasks: the secretariat, or the chair who gave
 * the directives (from the meeting's page).
 */
export function canIssueFromMeeting(actor: Actor, convenerId: number, tree: UnitTree): boolean {
  return holdsAny(actor, COMMITTEE_ROLES, convenerId, tree);
}

/** The lead unit's reporter or head moves the work forward. */
export function isLeadUnit(actor: Actor, t: TaskAccess, tree: UnitTree): boolean {
  return holdsAny(actor, UNIT_ROLES, t.leadUnitId, tree);
}

export function canReadTask(actor: Actor, t: TaskAccess, tree: UnitTree): boolean {
  return (
    holdsAny(actor, COMMITTEE_ROLES, t.unitId, tree) ||
    isLeadUnit(actor, t, tree) ||
    t.coordinatingUnitIds.some((u) => holdsAny(actor, UNIT_ROLES, u, tree))
  );
}

/**
 * The units whose tasks the actor reads, for the list's query: `committee` — tasks convened by
 * these units (secretariat, chair); `own` — tasks these units lead or coordinate (reporter, head).
 */
export function readableUnits(
  actor: Actor,
  tree: UnitTree,
): { committee: number[]; own: number[] } {
  const ids = tree.ids();
  return {
    committee: ids.filter((u) => holdsAny(actor, COMMITTEE_ROLES, u, tree)),
    own: ids.filter((u) => holdsAny(actor, UNIT_ROLES, u, tree)),
  };
}

/** Everything the actor may do with the task now, for the answer's `actions`. */
export function taskPermissions(actor: Actor, t: TaskAccess, tree: UnitTree): TaskPermission[] {
  const manages = canManageTasks(actor, t.unitId, tree);
  const leads = isLeadUnit(actor, t, tree);
  const open = isOpenTask(t.state);
  const granted = new Set<TaskPermission>();
  if (open && manages) granted.add('edit').add('change_deadline');
  for (const action of taskActionsFrom(t.state)) {
    if (TASK_TRANSITIONS[action].by === 'secretariat' ? manages : leads) granted.add(action);
  }
  return [...granted];
}

/** The convening unit's chair and secretariat read all of its tasks and their overview. */
export function canReadCommitteeTasks(actor: Actor, convenerId: number, tree: UnitTree): boolean {
  return holdsAny(actor, COMMITTEE_ROLES, convenerId, tree);
}

/** The units where the actor chairs or is the secretariat (the conveners of their overview). */
export function committeeUnitsOf(actor: Actor): number[] {
  return [
    ...new Set(actor.roles.filter((g) => COMMITTEE_ROLES.includes(g.role)).map((g) => g.unitId)),
  ];
}
