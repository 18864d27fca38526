import type { Db } from '../db/schema.ts';
import type { Ctx } from '../units/roles.ts';

/*
 * Hooks a later feature adds to the report workflow without the reporting feature knowing it:
 * the tasks feature turns a report's answers about its open tasks into task updates when the
 * report is sent. A hook runs inside the transition's transaction, after the report has reached
 * its new state, with the context of whoever took the step; a hook that throws refuses the step.
 */

/** The report that has just reached `submitted` (its unit's head approved it). */
export interface SubmittedReport {
  id: number;
  unitId: number;
  periodId: number;
  /** The period's convening unit. */
  convenerId: number;
  /** When it was submitted (the transition's own time). */
  at: string;
}

export type ReportSubmittedHook = (db: Db, ctx: Ctx, report: SubmittedReport) => Promise<void>;

const submittedHooks = new Set<ReportSubmittedHook>();

/** Adds a hook run whenever a report reaches `submitted`; adding the same one twice adds it once. */
export function onReportSubmitted(hook: ReportSubmittedHook): void {
  submittedHooks.add(hook);
}

/** Runs the hooks of a report that has just reached `submitted`, in the order they were added. */
export async function reportSubmitted(db: Db, ctx: Ctx, report: SubmittedReport): Promise<void> {
  for (const hook of submittedHooks) await hook(db, ctx, report);
}
