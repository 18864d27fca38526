import { expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { AppError } from '../../src/http/errors.ts';
import * as meetings from '../../src/meetings/meetings.service.ts';
import { transitionMeeting } from '../../src/meetings/transitions.service.ts';
import * as periods from '../../src/reports/periods.service.ts';
import { listReports } from '../../src/reports/reports.repository.ts';
import { moveReport } from '../../src/reports/workflow.service.ts';
import { taskFollowUp } from '../../src/tasks/follow-up.service.ts';
import * as answers from '../../src/tasks/report-answers.service.ts';
import * as tasks from '../../src/tasks/tasks.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildAccount, ctxFor } from '../../src/test-support/factories.ts';
import { TASK_DAY, at, buildTaskSetup } from '../../src/test-support/task-factories.ts';
import type { Ctx } from '../../src/units/roles.ts';

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Rows of a report in a table of the loop (each suite shares one database). */
const count = async (db: Database, t: 'task_updates' | 'task_report_answers', reportId: number) =>
  Number(
    (
      await db
        .selectFrom(t)
        .where('report_id', '=', reportId)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeEachEngine('tasks in the next period’s report', (db) => {
  /**
   * The Quý III meeting's directives as tasks: T0 led by the unit (the other coordinating), T1
   * led by the other (the unit coordinating), T2 led by the other alone; and the Quý IV period
   * with both units' draft reports.
   */
  async function setup() {
    const x = await buildTaskSetup(db());
    const { s, meeting, directives } = x;
    const sec = at(s.ctx.secretary, TASK_DAY);
    const made = await tasks.createFromMeeting(db(), sec, meeting.id, {
      directives: [
        { directiveId: directives[0]!.id },
        {
          directiveId: directives[1]!.id,
          leadUnitId: s.other.id,
          coordinatingUnitIds: [s.unit.id],
          deadlineChoice: 'end_of_year',
        },
        { directiveId: directives[2]!.id },
      ],
    });
    const [t0, t1, t2] = made.items as [
      (typeof made.items)[0],
      (typeof made.items)[0],
      (typeof made.items)[0],
    ];
    const q4 = await periods.createPeriod(db(), at(s.ctx.secretary, '2017-10-12T04:00:00Z'), {
      unitId: s.convener.id,
      kind: 'quarter',
      year: 2017,
      number: 4,
      templateId: s.template.id,
    });
    const rows = await listReports(db(), { periodId: q4.id });
    const report = rows.find((r) => r.unit_id === s.unit.id)!;
    const otherReport = rows.find((r) => r.unit_id === s.other.id)!;
    return { ...x, sec, t0, t1, t2, q4, report, otherReport };
  }

  /** Sends a report and has its head approve it (to `submitted`). */
  async function submit(reportId: number, writer: Ctx, head: Ctx) {
    const row = await db()
      .selectFrom('unit_reports')
      .select('version')
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    const sent = await moveReport(db(), writer, reportId, { version: row.version, action: 'send' });
    return moveReport(db(), head, reportId, { version: sent.row.version, action: 'approve' });
  }

  it('shows the unit’s open tasks with their role, and keeps a draft’s answers to its unit', async () => {
    const { s, t0, t1, report } = await setup();
    const reporter = at(s.ctx.reporter, '2017-12-15T03:00:00Z');
    const form = await answers.getReportAnswers(db(), reporter, report.id);
    expect(form).toMatchObject({ editable: true, answersVisible: true, reportState: 'draft' });
    expect(form.items.map((i) => [i.taskId, i.role, i.answer])).toEqual([
      [t0.id, 'lead', null],
      [t1.id, 'coordinating', null],
    ]);

    const saved = await answers.saveReportAnswers(db(), reporter, report.id, {
      answers: [
        {
          taskId: t0.id,
          note: '  Đã khảo sát 40 cơ sở sản xuất  ',
          percent: 40,
          reportsDone: false,
        },
        { taskId: t1.id, note: '', percent: null, reportsDone: false },
      ],
    });
    expect(saved.items.map((i) => i.answer?.note ?? null)).toEqual([
      'Đã khảo sát 40 cơ sở sản xuất',
      null,
    ]);
    expect(await count(db(), 'task_report_answers', report.id)).toBe(1);

    // The Quý III report speaks of a quarter that ended before the tasks were issued.
    expect((await answers.getReportAnswers(db(), reporter, s.report.id)).items).toEqual([]);

    // The committee reads the draft report, but not its answers until the report is sent.
    const bySecretary = await answers.getReportAnswers(db(), s.ctx.secretary, report.id);
    expect(bySecretary).toMatchObject({ editable: false, answersVisible: false });
    expect(bySecretary.items.every((i) => i.answer === null)).toBe(true);
  });

  it('refuses answers about a task the unit does not hold, “done” from a coordinator, a percent out of 0–100', async () => {
    const { s, t0, t1, t2, report } = await setup();
    const reporter = at(s.ctx.reporter, '2017-12-15T03:00:00Z');
    await answers.saveReportAnswers(db(), reporter, report.id, {
      answers: [{ taskId: t0.id, note: 'Bản đầu', percent: 10, reportsDone: false }],
    });
    const e = await failure(
      answers.saveReportAnswers(db(), reporter, report.id, {
        answers: [
          { taskId: t2.id, note: 'Không phải của đơn vị', percent: 10, reportsDone: false },
          { taskId: t1.id, note: 'Phối hợp xong', percent: 100, reportsDone: true },
          { taskId: t0.id, note: 'Quá mức', percent: 140, reportsDone: false },
        ],
      }),
    );
    expect(e.status).toBe(400);
    expect(e.fields).toEqual({
      'answers.0.taskId': { rule: 'taskNotHeld' },
      'answers.1.reportsDone': { rule: 'reportsDoneLeadOnly' },
      'answers.2.percent': { rule: 'percentRange' },
    });
    const kept = await answers.getReportAnswers(db(), reporter, report.id);
    expect(kept.items.find((i) => i.taskId === t0.id)?.answer?.note).toBe('Bản đầu');
    // Another unit's people cannot write it.
    expect(
      (
        await failure(
          answers.saveReportAnswers(db(), s.ctx.otherReporter, report.id, { answers: [] }),
        )
      ).status,
    ).toBe(403);
  });

  it('turns the answers into task updates linked to the report when its head sends it, then locks them', async () => {
    const { s, t0, t1, report } = await setup();
    const reporter = at(s.ctx.reporter, '2017-12-15T03:00:00Z');
    await answers.saveReportAnswers(db(), reporter, report.id, {
      answers: [
        { taskId: t0.id, note: 'Đã khảo sát 40 cơ sở', percent: 40, reportsDone: false },
        {
          taskId: t1.id,
          note: 'Cử cán bộ tham gia tổ công tác',
          percent: null,
          reportsDone: false,
        },
      ],
    });
    // Sent to the head: the answers are locked, but no update yet.
    const sent = await moveReport(db(), at(s.ctx.reporter, '2017-12-18T01:00:00Z'), report.id, {
      version: report.version,
      action: 'send',
    });
    expect(await count(db(), 'task_updates', report.id)).toBe(0);
    const locked = await failure(
      answers.saveReportAnswers(db(), reporter, report.id, { answers: [] }),
    );
    expect(locked).toMatchObject({ status: 409, code: 'task_answers_locked' });

    await moveReport(db(), at(s.ctx.head, '2017-12-18T02:00:00Z'), report.id, {
      version: sent.row.version,
      action: 'approve',
    });
    const updates = await db().selectFrom('task_updates').selectAll().orderBy('task_id').execute();
    expect(
      updates.map((u) => ({
        task: u.task_id,
        report: u.report_id,
        note: u.note,
        percent: u.percent,
        approvedBy: u.approved_by,
        at: u.created_at,
      })),
    ).toEqual([
      {
        task: t0.id,
        report: report.id,
        note: 'Đã khảo sát 40 cơ sở',
        percent: 40,
        approvedBy: s.accounts.head.id,
        at: '2017-12-18T02:00:00.000Z',
      },
      {
        task: t1.id,
        report: report.id,
        note: 'Cử cán bộ tham gia tổ công tác',
        percent: null,
        approvedBy: s.accounts.head.id,
        at: '2017-12-18T02:00:00.000Z',
      },
    ]);
    // The lead unit's first update starts its task; a coordinating unit's moves nothing.
    expect((await tasks.getTask(db(), s.ctx.secretary, t0.id)).state).toBe('in_progress');
    expect((await tasks.getTask(db(), s.ctx.secretary, t1.id)).state).toBe('not_started');
    // The committee now reads the answers, and each task's last update is the report's.
    const bySecretary = await answers.getReportAnswers(db(), s.ctx.secretary, report.id);
    expect(bySecretary.answersVisible).toBe(true);
    expect(bySecretary.items.map((i) => i.lastUpdate?.reportId)).toEqual([report.id, report.id]);
  });

  it('gives a new update on re-submission only for an answer that changed', async () => {
    const { s, t0, t1, report } = await setup();
    const reporter = at(s.ctx.reporter, '2017-12-15T03:00:00Z');
    const head = at(s.ctx.head, '2017-12-18T02:00:00Z');
    const body = {
      answers: [
        { taskId: t0.id, note: 'Đã khảo sát 40 cơ sở', percent: 40, reportsDone: false },
        { taskId: t1.id, note: 'Cử cán bộ tham gia', percent: null, reportsDone: false },
      ],
    };
    await answers.saveReportAnswers(db(), reporter, report.id, body);
    let moved = await submit(report.id, reporter, head);
    moved = await moveReport(db(), at(s.ctx.secretary, '2017-12-19T02:00:00Z'), report.id, {
      version: moved.row.version,
      action: 'return',
      comment: 'Đề nghị bổ sung tiến độ xử lý môi trường.',
    });
    await moveReport(db(), at(s.ctx.reporter, '2017-12-19T03:00:00Z'), report.id, {
      version: moved.row.version,
      action: 'reopen',
    });
    await answers.saveReportAnswers(db(), at(s.ctx.reporter, '2017-12-19T04:00:00Z'), report.id, {
      answers: [
        { ...body.answers[0]!, note: 'Đã xử lý xong 62 cơ sở', percent: 100, reportsDone: true },
        body.answers[1]!,
      ],
    });
    await submit(report.id, reporter, at(s.ctx.head, '2017-12-20T02:00:00Z'));
    const updates = await db()
      .selectFrom('task_updates')
      .select(['task_id', 'note'])
      .where('report_id', '=', report.id)
      .orderBy('id')
      .execute();
    expect(updates).toEqual([
      { task_id: t0.id, note: 'Đã khảo sát 40 cơ sở' },
      { task_id: t1.id, note: 'Cử cán bộ tham gia' },
      { task_id: t0.id, note: 'Đã xử lý xong 62 cơ sở' },
    ]);
    // The lead unit reported it done in the report: the task waits for the secretariat.
    expect((await tasks.getTask(db(), s.ctx.secretary, t0.id)).state).toBe('reported_done');
  });

  it('follows the tasks in the next meeting as of its start, naming the lead units that did not answer', async () => {
    const { s, sec, t0, t1, t2, q4, report, otherReport } = await setup();
    const reporter = at(s.ctx.reporter, '2017-12-15T03:00:00Z');
    await answers.saveReportAnswers(db(), reporter, report.id, {
      answers: [{ taskId: t0.id, note: 'Đã khảo sát 40 cơ sở', percent: 40, reportsDone: false }],
    });
    await submit(report.id, reporter, at(s.ctx.head, '2017-12-18T02:00:00Z'));
    const planned = await meetings.createMeeting(
      db(),
      at(s.ctx.secretary, '2017-12-18T03:00:00Z'),
      {
        periodId: q4.id,
        startsAt: '2017-12-28T08:00:00+07:00',
        plannedEndAt: '2017-12-28T11:00:00+07:00',
        place: 'Hội trường Thị ủy',
      },
    );

    // Planned: as of now. The other unit has not sent its report: both its tasks are named.
    const now = '2017-12-20T03:00:00.000Z';
    const live = await taskFollowUp(db(), at(s.ctx.chair, now), planned.id);
    expect(live).toMatchObject({ asOf: now, live: true });
    expect(live.items.map((i) => [i.taskId, i.answeredInReport])).toEqual([
      [t2.id, false],
      [t0.id, true],
      [t1.id, false],
    ]);
    expect(live.items.map((i) => i.deadline)).toEqual(['2017-11-15', '2017-12-31', '2017-12-31']);
    expect(live.items.find((i) => i.taskId === t0.id)?.lastUpdate).toMatchObject({
      note: 'Đã khảo sát 40 cơ sở',
      percent: 40,
      reportId: report.id,
    });
    expect(live.missing).toEqual([
      {
        unitId: s.other.id,
        unitName: s.other.name,
        reason: 'not_sent',
        tasks: [
          { taskId: t2.id, title: t2.title },
          { taskId: t1.id, title: t1.title },
        ],
      },
    ]);

    // The other unit sends its report without a word on its tasks: not answered.
    const otherHead = ctxFor(
      await buildAccount(db(), { roles: [{ unitId: s.other.id, role: 'unit_head' }] }),
    );
    await submit(
      otherReport.id,
      at(s.ctx.otherReporter, '2017-12-21T01:00:00Z'),
      at(otherHead, '2017-12-21T02:00:00Z'),
    );
    const start = await transitionMeeting(db(), at(sec, '2017-12-28T01:00:00Z'), planned.id, {
      version: planned.version,
      action: 'start',
    });
    // After the start: T0 moves on and gets a new update; the follow-up keeps the start's view.
    const atStart = await taskFollowUp(db(), at(s.ctx.chair, '2017-12-28T01:00:00Z'), start.id);
    const lead = at(s.ctx.reporter, '2017-12-28T05:00:00Z');
    const current = await tasks.getTask(db(), lead, t0.id);
    await tasks.transitionTask(db(), lead, t0.id, {
      version: current.version,
      action: current.state === 'not_started' ? 'start' : 'report_done',
    });
    const frozen = await taskFollowUp(db(), at(s.ctx.chair, '2017-12-29T03:00:00Z'), start.id);
    expect(frozen).toMatchObject({ asOf: '2017-12-28T01:00:00.000Z', live: false });
    expect(frozen).toEqual(atStart);
    expect(frozen.items.find((i) => i.taskId === t0.id)?.state).toBe(current.state);
    expect(frozen.missing).toEqual([
      {
        unitId: s.other.id,
        unitName: s.other.name,
        reason: 'not_answered',
        tasks: [
          { taskId: t2.id, title: t2.title },
          { taskId: t1.id, title: t1.title },
        ],
      },
    ]);

    // A unit's reporter reads the follow-up only for the tasks it may read.
    const own = await taskFollowUp(db(), at(s.ctx.reporter, '2017-12-29T03:00:00Z'), start.id);
    expect(own.items.map((i) => i.taskId).sort()).toEqual([t0.id, t1.id].sort());
  });
});
