import { expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { runReportReminders } from '../../src/reports/reports.notifications.ts';
import { transitionReport } from '../../src/reports/workflow.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { at, buildTaskSetup, TASK_DAY } from '../../src/test-support/task-factories.ts';
import { runTaskReminders } from '../../src/tasks/tasks.reminders.ts';
import * as tasks from '../../src/tasks/tasks.service.ts';

/*
 * The producers: a task issued tells its units' people; the reminder job reminds the lead unit
 * once per deadline (due soon, then overdue; an extension, once more), however often it runs,
 * two runs at once included; a returned task and a returned report tell the unit why; report
 * deadlines remind the units that have not sent theirs.
 */

describeEachEngine('notifications of tasks and reports', (db) => {
  const kindsOf = (accountId: number, subjectId: number, subjectType = 'task') =>
    db()
      .selectFrom('notifications')
      .select(['kind', 'occasion'])
      .where('account_id', '=', accountId)
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId)
      .orderBy('id')
      .execute();

  it('tells the lead and coordinating units of a new task, and reminds the lead unit once per deadline', async () => {
    const { s } = await buildTaskSetup(db());
    const sec = at(s.ctx.secretary, TASK_DAY);
    const task = await tasks.createTask(db(), sec, {
      unitId: s.convener.id,
      title: 'Kiểm tra việc thu gom rác thải ở các làng nghề',
      leadUnitId: s.unit.id,
      coordinatingUnitIds: [s.other.id],
      deadline: '2017-10-20',
      sourceKind: 'other',
    });
    const reporter = s.accounts.reporter.id;
    expect(await kindsOf(reporter, task.id)).toEqual([{ kind: 'task_assigned', occasion: '' }]);
    expect(await kindsOf(s.accounts.otherReporter.id, task.id)).toEqual([
      { kind: 'task_assigned', occasion: '' },
    ]);
    // Not the one who issued it.
    expect(await kindsOf(s.accounts.secretary.id, task.id)).toEqual([]);

    // 10/10: too early. 15/10: due soon, twice at once, then again: one reminder.
    await runTaskReminders(db(), fixedClock('2017-10-10T03:00:00Z'));
    expect(await kindsOf(reporter, task.id)).toHaveLength(1);
    const soon = fixedClock('2017-10-15T03:00:00Z');
    await Promise.all([runTaskReminders(db(), soon), runTaskReminders(db(), soon)]);
    await runTaskReminders(db(), soon);
    // 21/10: overdue.
    await runTaskReminders(db(), fixedClock('2017-10-21T03:00:00Z'));
    await runTaskReminders(db(), fixedClock('2017-10-22T03:00:00Z'));
    expect(await kindsOf(reporter, task.id)).toEqual([
      { kind: 'task_assigned', occasion: '' },
      { kind: 'task_due_soon', occasion: '2017-10-20' },
      { kind: 'task_overdue', occasion: '2017-10-20' },
    ]);
    // The coordinating unit is not reminded; the lead unit's head is.
    expect(await kindsOf(s.accounts.otherReporter.id, task.id)).toHaveLength(1);
    expect((await kindsOf(s.accounts.head.id, task.id)).map((n) => n.kind)).toContain(
      'task_overdue',
    );

    // An extension: reminded again for the new deadline.
    const moved = await tasks.changeDeadline(
      db(),
      at(s.ctx.secretary, '2017-10-22T03:00:00Z'),
      task.id,
      {
        version: (await tasks.getTask(db(), sec, task.id)).version,
        deadline: '2017-10-28',
      },
    );
    await runTaskReminders(db(), fixedClock('2017-10-23T03:00:00Z'));
    expect((await kindsOf(reporter, task.id)).slice(3)).toEqual([
      { kind: 'task_due_soon', occasion: '2017-10-28' },
    ]);
    expect(moved.deadline).toBe('2017-10-28');
  });

  it('tells the lead unit why a done report was returned', async () => {
    const { s } = await buildTaskSetup(db());
    const sec = at(s.ctx.secretary, TASK_DAY);
    let task = await tasks.createTask(db(), sec, {
      unitId: s.convener.id,
      title: 'Hoàn thiện hồ sơ công nhận phường văn minh',
      leadUnitId: s.unit.id,
      deadline: '2017-12-31',
      sourceKind: 'other',
    });
    const lead = at(s.ctx.reporter, TASK_DAY);
    task = await tasks.transitionTask(db(), lead, task.id, {
      version: task.version,
      action: 'start',
    });
    task = await tasks.transitionTask(db(), lead, task.id, {
      version: task.version,
      action: 'report_done',
    });
    await tasks.transitionTask(db(), sec, task.id, {
      version: task.version,
      action: 'return',
      comment: 'Thiếu biên bản nghiệm thu.',
    });
    const entry = await db()
      .selectFrom('notifications')
      .select(['kind', 'params_json'])
      .where('account_id', '=', s.accounts.head.id)
      .where('subject_id', '=', task.id)
      .where('kind', '=', 'task_returned')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.params_json)).toMatchObject({ comment: 'Thiếu biên bản nghiệm thu.' });
  });

  it('reminds the units that have not sent their report, before and after the deadline; a returned report tells the unit', async () => {
    const { s } = await buildTaskSetup(db());
    const deadline = s.period.deadline;
    const day = (offset: number) =>
      fixedClock(new Date(Date.parse(`${deadline}T03:00:00Z`) + offset * 86_400_000).toISOString());
    await runReportReminders(db(), day(-10), 3);
    expect(await kindsOf(s.accounts.reporter.id, s.report.id, 'report')).toEqual([]);
    await runReportReminders(db(), day(-2), 3);
    await runReportReminders(db(), day(-1), 3);
    await runReportReminders(db(), day(1), 3);
    await runReportReminders(db(), day(2), 3);
    const expected = [
      { kind: 'report_deadline_soon', occasion: deadline },
      { kind: 'report_deadline_passed', occasion: deadline },
    ];
    expect(await kindsOf(s.accounts.reporter.id, s.report.id, 'report')).toEqual(expected);
    expect(await kindsOf(s.accounts.head.id, s.report.id, 'report')).toEqual(expected);

    // The head sends the reporter's draft back: the reporter hears why.
    const sent = await transitionReport(db(), s.ctx.reporter, s.report.id, {
      version: s.report.version,
      action: 'send',
    });
    await transitionReport(db(), s.ctx.head, s.report.id, {
      version: sent.version,
      action: 'send_back',
      comment: 'Bổ sung số liệu hội viên mới.',
    });
    expect((await kindsOf(s.accounts.reporter.id, s.report.id, 'report')).at(-1)?.kind).toBe(
      'report_returned',
    );
    expect((await kindsOf(s.accounts.head.id, s.report.id, 'report')).at(-1)?.kind).toBe(
      'report_deadline_passed',
    );
  });
});
