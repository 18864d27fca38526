import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { Forbidden, Invalid, NotFound, StaleVersion } from '../http/errors.ts';
import type { Ctx } from '../units/roles.ts';
import { listUnits, loadUnitTree } from '../units/units.service.ts';
import { listPeriods } from './periods.repository.ts';
import { canFollowPeriods, canReadProposals } from './reports.policy.ts';
import * as repo from './reports.repository.ts';
import { indexProposal } from './search-entries.service.ts';
import type { AnswerBody, ProposalQuery } from './reports.schema.ts';
import type { ProposalRow } from './reports.tables.ts';

/**
 * Proposals (kiến nghị) are records of their own: a unit raises them in its report, the
 * committee answers each one later, and the answer stays traceable to who gave it and when.
 */
export async function listProposals(db: Db, ctx: Ctx, query: ProposalQuery) {
  const tree = await loadUnitTree(db);
  const periods = new Map((await listPeriods(db, {})).map((p) => [p.id, p]));
  const units = new Map((await listUnits(db)).map((u) => [u.id, u]));
  const reports = (await repo.listReports(db, { periodId: query.periodId })).filter((r) =>
    canReadProposals(
      ctx.actor,
      { unitId: r.unit_id, convenerId: periods.get(r.period_id)!.unit_id, state: r.state },
      tree,
    ),
  );
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const rows = await repo.listProposals(
    db,
    reports.map((r) => r.id),
  );
  return {
    items: rows
      .filter((p) =>
        query.status === undefined
          ? true
          : query.status === 'answered'
            ? p.answer !== null
            : p.answer === null,
      )
      .map((p) => {
        const report = reportById.get(p.report_id)!;
        const period = periods.get(report.period_id)!;
        return {
          ...presentProposal(p),
          reportId: report.id,
          unitId: report.unit_id,
          unitName: units.get(report.unit_id)?.name ?? '',
          periodId: period.id,
          periodName: period.name,
        };
      }),
  };
}

/** A proposal as the API shows it. */
export function presentProposal(p: ProposalRow) {
  return {
    id: p.id,
    text: p.text,
    answer: p.answer,
    answeredByName: p.answered_by_name,
    answeredAt: p.answered_at,
    version: p.version,
  };
}

/** The convening committee's secretariat or chair answers a proposal. */
export async function answerProposal(db: Db, ctx: Ctx, id: number, input: AnswerBody) {
  const proposal = await repo.findProposal(db, id);
  if (!proposal) throw NotFound('proposal');
  const report = (await repo.findReport(db, proposal.report_id))!;
  const period = (await listPeriods(db, {})).find((p) => p.id === report.period_id)!;
  if (!canFollowPeriods(ctx.actor, period.unit_id, await loadUnitTree(db))) throw Forbidden();
  if (proposal.version !== input.version) throw StaleVersion('proposal');
  const answer = input.answer.trim();
  if (!answer) throw Invalid({ answer: { rule: 'blank' } });
  const updated = await repo.answerProposal(db, id, input.version, {
    answer,
    answered_by: ctx.actor.id,
    answered_by_name: ctx.actor.fullName,
    answered_at: nowOf(ctx),
  });
  if (!updated) throw StaleVersion('proposal');
  await indexProposal(db, ctx, id);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: report.unit_id,
    entityType: 'proposal',
    entityId: id,
    summary: proposal.text.slice(0, 200),
    before: presentProposal(proposal),
    after: presentProposal(updated),
  });
  return presentProposal(updated);
}
