import type { Db } from '../db/schema.ts';
import { Forbidden, NotFound } from '../http/errors.ts';
import type { Actor, Ctx } from '../units/roles.ts';
import type { UnitTree } from '../units/unit-tree.ts';
import { loadUnitTree } from '../units/units.service.ts';
import { loadPeriod } from './periods.service.ts';
import { canHeadReport, canReadReport, canRunPeriods, canWriteReport } from './reports.policy.ts';
import * as repo from './reports.repository.ts';
import type { PeriodRow, ReportRow } from './reports.tables.ts';
import {
  TRANSITIONS,
  actionsFrom,
  type ActionActor,
  type ReportAction,
  type ReportState,
} from './reports.states.ts';

export interface LoadedReport {
  row: ReportRow;
  period: PeriodRow;
  tree: UnitTree;
}

/** Loads a report the caller may read: 404 when it does not exist, 403 when not theirs. */
export async function loadReadable(db: Db, ctx: Ctx, id: number): Promise<LoadedReport> {
  const row = await repo.findReport(db, id);
  if (!row) throw NotFound('report');
  const period = await loadPeriod(db, row.period_id);
  const tree = await loadUnitTree(db);
  if (!canReadReport(ctx.actor, { unitId: row.unit_id, convenerId: period.unit_id }, tree))
    throw Forbidden();
  return { row, period, tree };
}

/** Whether the actor is the kind of person an action needs. */
export function actsAs(actor: Actor, by: ActionActor, loaded: LoadedReport): boolean {
  switch (by) {
    case 'unit_writer':
      return canWriteReport(actor, loaded.row.unit_id, loaded.tree);
    case 'unit_head':
      return canHeadReport(actor, loaded.row.unit_id, loaded.tree);
    case 'secretariat':
      return canRunPeriods(actor, loaded.period.unit_id, loaded.tree);
  }
}

/** The workflow actions this actor may take on the report now. */
export function allowedActions(actor: Actor, loaded: LoadedReport): ReportAction[] {
  const open = loaded.period.status === 'open';
  return actionsFrom(loaded.row.state as ReportState).filter(
    (a) =>
      actsAs(actor, TRANSITIONS[a].by, loaded) && (open || TRANSITIONS[a].by === 'secretariat'),
  );
}

/** Whether the actor may edit the content now. */
export function canEditNow(actor: Actor, loaded: LoadedReport): boolean {
  return (
    loaded.row.state === 'draft' &&
    loaded.period.status === 'open' &&
    canWriteReport(actor, loaded.row.unit_id, loaded.tree)
  );
}
