import type { Db } from '../db/schema.ts';
import { putSearchEntry, replaceSearchEntriesOf, searchText } from '../db/search-index.ts';
import { nowOf } from '../clock.ts';
import type { Ctx } from '../units/roles.ts';
import { loadUnitTree } from '../units/units.service.ts';
import { canReadProposals, canReadReport } from './reports.policy.ts';
import * as repo from './reports.repository.ts';
import { proposalReports, reportsWithNames } from './search-entries.repository.ts';

/*
 * The reporting feature's rows of the workspace search index (src/db/search-index.ts): a
 * report (its sections) and each of its proposals (text and answer), written in the
 * transaction of the save or the answer; and who may open what the search found, by the
 * feature's own policy (a draft's proposals are its unit's own).
 */

/** Writes the index rows of a report and its proposals, as they now stand. */
export async function indexReport(db: Db, ctx: Ctx, reportId: number): Promise<void> {
  const [r] = await reportsWithNames(db, [reportId]);
  if (!r) return;
  const now = nowOf(ctx);
  await putSearchEntry(
    db,
    {
      kind: 'report',
      subjectId: r.id,
      unitId: r.unit_id,
      title: `Báo cáo ${r.period_name} – ${r.unit_name}`,
      body: searchText(Object.values(JSON.parse(r.sections_json) as Record<string, string>), true),
      at: r.updated_at,
    },
    now,
  );
  const proposals = await repo.listProposals(db, [reportId]);
  await replaceSearchEntriesOf(
    db,
    'proposal',
    reportId,
    proposals.map((p) => ({
      kind: 'proposal',
      subjectId: p.id,
      unitId: r.unit_id,
      title: `Kiến nghị – ${r.unit_name}, ${r.period_name}`,
      body: searchText([p.text, p.answer]),
      at: p.updated_at,
    })),
    now,
  );
}

/** Re-indexes the report a proposal belongs to (after its answer). */
export async function indexProposal(db: Db, ctx: Ctx, proposalId: number): Promise<void> {
  const [p] = await proposalReports(db, [proposalId]);
  if (p) await indexReport(db, ctx, p.report_id);
}

/** Of these reports, those the caller may open. */
export async function readableReports(
  db: Db,
  ctx: Ctx,
  ids: readonly number[],
): Promise<Set<number>> {
  const tree = await loadUnitTree(db);
  const rows = await reportsWithNames(db, ids);
  return new Set(
    rows
      .filter((r) =>
        canReadReport(ctx.actor, { unitId: r.unit_id, convenerId: r.convener_id }, tree),
      )
      .map((r) => r.id),
  );
}

/** Of these proposals, those the caller may read (with the report each belongs to). */
export async function readableProposals(
  db: Db,
  ctx: Ctx,
  ids: readonly number[],
): Promise<Map<number, number>> {
  const tree = await loadUnitTree(db);
  const links = await proposalReports(db, ids);
  const reports = new Map(
    (await reportsWithNames(db, [...new Set(links.map((l) => l.report_id))])).map((r) => [r.id, r]),
  );
  const out = new Map<number, number>();
  for (const l of links) {
    const r = reports.get(l.report_id);
    if (
      r &&
      canReadProposals(
        ctx.actor,
        { unitId: r.unit_id, convenerId: r.convener_id, state: r.state },
        tree,
      )
    )
      out.set(l.id, r.id);
  }
  return out;
}
