import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { Forbidden, Invalid } from '../http/errors.ts';
import type { Ctx } from '../units/roles.ts';
import { listUnits, loadUnitTree } from '../units/units.service.ts';
import { getPeriod, loadPeriod } from './periods.service.ts';
import * as repo from './periods.repository.ts';
import type { RemindBody } from './periods.schema.ts';
import { canFollowPeriods, canRunPeriods } from './reports.policy.ts';
import * as reports from './reports.repository.ts';
import type { ReportState } from './reports.states.ts';

export type BoardStatus = 'accepted' | 'submitted' | 'awaiting_approval' | 'returned' | 'missing';

/** Where a report stands for the secretariat: a draft not yet sent counts as missing. */
export function boardStatus(state: ReportState): BoardStatus {
  switch (state) {
    case 'draft':
      return 'missing';
    case 'awaiting_approval':
    case 'submitted':
    case 'accepted':
    case 'returned':
      return state;
  }
}

/** The day in Vietnam of an instant (ISO), 'YYYY-MM-DD'. */
export function vnToday(nowIso: string): string {
  return new Date(Date.parse(nowIso) + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The secretariat's board: every reporting unit, where its report stands, reminders sent. */
export async function periodBoard(db: Db, ctx: Ctx, id: number) {
  const row = await loadPeriod(db, id);
  if (!canFollowPeriods(ctx.actor, row.unit_id, await loadUnitTree(db))) throw Forbidden();
  const units = new Map((await listUnits(db)).map((u) => [u.id, u]));
  const reminders = await repo.listReminders(db, id);
  const today = vnToday(nowOf(ctx));
  const rows = (await reports.listReports(db, { periodId: id }))
    .map((r) => {
      const status = boardStatus(r.state as ReportState);
      const mine = reminders.filter((m) => m.unit_id === r.unit_id);
      return {
        unitId: r.unit_id,
        unitName: units.get(r.unit_id)?.name ?? '',
        sortOrder: units.get(r.unit_id)?.sortOrder ?? 0,
        reportId: r.id,
        state: r.state as ReportState,
        status,
        late: r.late === 1,
        overdue:
          (status === 'missing' || status === 'returned' || status === 'awaiting_approval') &&
          today > row.deadline,
        submittedAt: r.submitted_at,
        reminders: mine.length,
        lastReminderAt: mine[0]?.at ?? null,
      };
    })
    .sort((a, b) => a.sortOrder - b.sortOrder || a.unitId - b.unitId)
    .map(({ sortOrder: _s, ...rest }) => rest);
  const counts: Record<string, number> = {
    accepted: 0,
    submitted: 0,
    awaiting_approval: 0,
    returned: 0,
    missing: 0,
    late: 0,
  };
  for (const r of rows) {
    counts[r.status] = (counts[r.status] ?? 0) + 1;
    if (r.late) counts.late = (counts.late ?? 0) + 1;
  }
  return { period: await getPeriod(db, id), today, counts, rows };
}

/**
 * Reminds the units that have not sent their report (all of them, or those listed). The
 * reminder is recorded and shown on the unit's report; e-mail comes with the tasks feature.
 */
export async function remindMissing(db: Db, ctx: Ctx, id: number, input: RemindBody) {
  const row = await loadPeriod(db, id);
  if (!canRunPeriods(ctx.actor, row.unit_id, await loadUnitTree(db))) throw Forbidden();
  const list = await reports.listReports(db, { periodId: id });
  if (input.unitIds) {
    for (const [i, u] of input.unitIds.entries()) {
      if (!list.some((r) => r.unit_id === u))
        throw Invalid({ [`unitIds.${i}`]: { rule: 'notFound' } });
    }
  }
  const targets = list
    .filter((r) => r.state === 'draft' || r.state === 'returned')
    .filter((r) => !input.unitIds || input.unitIds.includes(r.unit_id))
    .map((r) => r.unit_id);
  const message =
    input.message?.trim() ||
    `Đề nghị đơn vị hoàn thành và gửi báo cáo ${row.name} (hạn ${row.deadline.split('-').reverse().join('/')}).`;
  const at = nowOf(ctx);
  await repo.insertReminders(
    db,
    targets.map((unitId) => ({
      period_id: id,
      unit_id: unitId,
      message,
      sent_by: ctx.actor.id,
      sent_by_name: ctx.actor.fullName,
      at,
    })),
  );
  if (targets.length > 0) {
    await recordAudit(db, ctx, {
      action: 'create',
      unitId: row.unit_id,
      entityType: 'report_reminder',
      entityId: id,
      summary: `Nhắc ${targets.length} đơn vị nộp báo cáo ${row.name}`,
      after: { unitIds: targets, message },
    });
  }
  return { sent: targets.length, unitIds: targets };
}
