import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { loadDemo } from '../../src/demo/demo.ts';
import { DEMO_PRESENT } from '../../src/demo/demo-clock.ts';
import { taskFollowUp } from '../../src/tasks/follow-up.service.ts';
import { getReportAnswers } from '../../src/tasks/report-answers.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import type { Ctx } from '../../src/units/roles.ts';

/*
 * The loop in the demo: Ban Tuyên giáo's Quý IV report, sent and approved, gave its answers as
 * task updates; Hội LHPN's draft holds its answers; the Quý IV meeting's summary follows the
 * tasks and names the lead units that have not answered.
 */

describeEachEngine('the demo’s Quý IV answers about tasks', (db) => {
  beforeAll(async () => {
    expect(await loadDemo(db())).toBe(true);
  });

  async function as(username: string): Promise<Ctx> {
    const account = await db()
      .selectFrom('accounts')
      .select(['id', 'full_name'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    const roles = await db()
      .selectFrom('account_roles')
      .select(['unit_id as unitId', 'role'])
      .where('account_id', '=', account.id)
      .execute();
    return {
      actor: {
        id: account.id,
        username,
        fullName: account.full_name,
        roles: roles as Ctx['actor']['roles'],
      },
      requestId: null,
      now: fixedClock(DEMO_PRESENT),
    };
  }

  async function q4Report(unitName: string) {
    return db()
      .selectFrom('unit_reports')
      .innerJoin('report_periods', 'report_periods.id', 'unit_reports.period_id')
      .innerJoin('units', 'units.id', 'unit_reports.unit_id')
      .select(['unit_reports.id', 'unit_reports.state'])
      .where('report_periods.number', '=', 4)
      .where('report_periods.kind', '=', 'quarter')
      .where('units.name', 'like', `%${unitName}%`)
      .executeTakeFirstOrThrow();
  }

  it('turns the sent report’s answers into updates and keeps the draft’s', async () => {
    const sent = await q4Report('Tuyên giáo');
    expect(sent.state).toBe('submitted');
    const updates = await db()
      .selectFrom('task_updates')
      .select(['task_id', 'approval', 'approved_by_name', 'created_at'])
      .where('report_id', '=', sent.id)
      .execute();
    expect(updates).toHaveLength(3);
    expect(updates.every((u) => u.approval === 'approved' && u.approved_by_name)).toBe(true);
    expect(updates.every((u) => u.created_at < new Date(DEMO_PRESENT).toISOString())).toBe(true);

    const draft = await q4Report('Phụ nữ');
    expect(draft.state).toBe('draft');
    const form = await getReportAnswers(db(), await as('phunu.tonghop'), draft.id);
    expect(form.editable).toBe(true);
    expect(form.items.filter((i) => i.answer !== null)).toHaveLength(2);
    expect(new Set(form.items.map((i) => i.role))).toEqual(new Set(['coordinating']));
  });

  it('follows the tasks in the Quý IV meeting’s summary, naming the units that did not answer', async () => {
    const meeting = await db()
      .selectFrom('meetings')
      .select('id')
      .where('title', 'like', '%Quý IV/2017%')
      .executeTakeFirstOrThrow();
    const follow = await taskFollowUp(db(), await as('vanphong'), meeting.id);
    expect(follow.live).toBe(true);
    // The seven tasks were all open in Quý IV (the accepted one closed in November).
    expect(follow.items).toHaveLength(7);
    expect(follow.items.filter((i) => i.answeredInReport)).toHaveLength(2);
    expect(follow.items.filter((i) => i.overdue)).toHaveLength(1);
    const missing = follow.missing.map((m) => m.unitName);
    expect(missing.length).toBeGreaterThanOrEqual(3);
    expect(missing.some((n) => n.includes('Tuyên giáo'))).toBe(false);
  });
});
