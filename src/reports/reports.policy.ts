import { holdsRoleOver } from '../units/units.policy.ts';
import type { Actor, Role } from '../units/roles.ts';
import type { UnitTree } from '../units/unit-tree.ts';

/*
 * Who may do what with periods and reports. A role held in a unit reaches its subtree. A
 * unit's reporter and head write its report; the secretariat of the convening unit opens
 * periods and reviews reports; its chair reads them. Refusals are 403: periods and units are
 * visible to every signed-in user, so hiding a report's existence protects nothing.
 */

const any = (actor: Actor, roles: Role[], unitId: number, tree: UnitTree) =>
  roles.some((r) => holdsRoleOver(actor, r, unitId, tree));

/** Reporter or head of the unit: fills and sends its report, reopens it when returned. */
export function canWriteReport(actor: Actor, unitId: number, tree: UnitTree): boolean {
  return any(actor, ['reporter', 'unit_head'], unitId, tree);
}

/** The unit's head approves its report before it goes to the committee. */
export function canHeadReport(actor: Actor, unitId: number, tree: UnitTree): boolean {
  return holdsRoleOver(actor, 'unit_head', unitId, tree);
}

/** The convening unit's secretariat opens periods, accepts or returns reports, sends reminders. */
export function canRunPeriods(actor: Actor, convenerId: number, tree: UnitTree): boolean {
  return holdsRoleOver(actor, 'secretariat', convenerId, tree);
}

/** The convening unit's secretariat and chair follow its periods. */
export function canFollowPeriods(actor: Actor, convenerId: number, tree: UnitTree): boolean {
  return any(actor, ['secretariat', 'chair'], convenerId, tree);
}

/** A report is read by its unit's people and by the convening committee's secretariat and chair. */
export function canReadReport(
  actor: Actor,
  report: { unitId: number; convenerId: number },
  tree: UnitTree,
): boolean {
  return (
    canWriteReport(actor, report.unitId, tree) || canFollowPeriods(actor, report.convenerId, tree)
  );
}

/**
 * Proposals are raised when the report is sent: before that they are the unit's draft, read by
 * its own people only (the committee reads the rest of a draft report, not its proposals).
 */
export function canReadProposals(
  actor: Actor,
  report: { unitId: number; convenerId: number; state: string },
  tree: UnitTree,
): boolean {
  return (
    canWriteReport(actor, report.unitId, tree) ||
    (report.state !== 'draft' && canReadReport(actor, report, tree))
  );
}

/** A unit's figures are read by its people and by the secretariat and chair above it. */
export function canReadUnitFigures(actor: Actor, unitId: number, tree: UnitTree): boolean {
  return any(actor, ['reporter', 'unit_head', 'secretariat', 'chair'], unitId, tree);
}

/** Targets of a unit are set by the secretariat above it. */
export function canSetTargets(actor: Actor, unitId: number, tree: UnitTree): boolean {
  return holdsRoleOver(actor, 'secretariat', unitId, tree);
}

/**
 * The indicator catalog and the reporting settings are shared by the whole deployment: the
 * secretariat or an admin of a root unit keeps them.
 */
export function canKeepCatalog(actor: Actor, tree: UnitTree): boolean {
  return actor.roles.some(
    (g) =>
      (g.role === 'secretariat' || g.role === 'admin') && [...tree.lineage(g.unitId)].length === 1,
  );
}
