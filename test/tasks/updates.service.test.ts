import { expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import * as tasks from '../../src/tasks/tasks.service.ts';
import * as updates from '../../src/tasks/updates.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildAccount, buildUnit, ctxFor, failure } from '../../src/test-support/factories.ts';
import { TASK_DAY, at, buildTaskSetup } from '../../src/test-support/task-factories.ts';

async function counts(db: Database) {
  const n = async (t: 'task_updates' | 'task_history' | 'audit_log') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    updates: await n('task_updates'),
    history: await n('task_history'),
    audit: await n('audit_log'),
  };
}

const LATER = '2017-10-20T03:00:00Z';
const LATEST = '2017-10-25T03:00:00Z';

describeEachEngine('task progress updates', (db) => {
  /** A task led by s.unit, coordinated by s.other, made from the meeting's first directive. */
  async function setup() {
    const x = await buildTaskSetup(db());
    const sec = at(x.s.ctx.secretary, TASK_DAY);
    const made = await tasks.createFromMeeting(db(), sec, x.meeting.id, {
      directives: [{ directiveId: x.directives[0]!.id }],
    });
    const task = made.items[0]!;
    return {
      ...x,
      sec,
      task,
      reporter: at(x.s.ctx.reporter, LATER),
      head: at(x.s.ctx.head, LATEST),
      other: at(x.s.ctx.otherReporter, LATER),
    };
  }

  it('appends the lead and coordinating units’ updates; the first starts the task, "done" moves it to reported_done', async () => {
    const x = await setup();
    const first = await updates.addTaskUpdate(db(), x.reporter, x.task.id, {
      note: 'Đã khảo sát 12 cơ sở sản xuất gây ô nhiễm.',
      percent: 30,
      reportsDone: false,
    });
    expect(first).toMatchObject({
      role: 'lead',
      unitId: x.s.unit.id,
      percent: 30,
      approval: 'not_needed',
      reportsDone: false,
      attachments: [],
    });
    expect((await tasks.getTask(db(), x.sec, x.task.id)).state).toBe('in_progress');

    const coordinating = await updates.addTaskUpdate(db(), x.other, x.task.id, {
      note: 'Phối hợp tuyên truyền tại 3 thôn.',
      percent: null,
      reportsDone: false,
    });
    expect(coordinating.role).toBe('coordinating');
    const notLead = await failure(
      updates.addTaskUpdate(db(), x.other, x.task.id, {
        note: 'Xong',
        percent: 100,
        reportsDone: true,
      }),
    );
    expect(notLead.status).toBe(400);
    expect(notLead.fields).toHaveProperty('reportsDone');

    const done = await updates.addTaskUpdate(
      db(),
      x.reporter,
      x.task.id,
      { note: 'Hoàn thành di dời 12 cơ sở.', percent: 100, reportsDone: true },
      { reportId: x.s.report.id },
    );
    expect(done.reportId).toBe(x.s.report.id);
    const task = await tasks.getTask(db(), x.sec, x.task.id);
    expect(task.state).toBe('reported_done');
    expect(task.history.map((h) => h.action)).toEqual([null, 'start', 'report_done']);

    const last = await updates.lastUpdatesOf(db(), [x.task.id, 999_999]);
    expect(last.size).toBe(1);
    expect(last.get(x.task.id)).toMatchObject({ id: done.id, percent: 100, reportsDone: true });

    const list = await updates.listTaskUpdates(db(), x.sec, x.task.id);
    expect(list.map((u) => u.id)).toEqual([first.id, coordinating.id, done.id]);

    // Accepted through the task's own transition; no update after that.
    await tasks.transitionTask(db(), x.sec, x.task.id, { version: task.version, action: 'accept' });
    const closed = await failure(
      updates.addTaskUpdate(db(), x.reporter, x.task.id, {
        note: 'Thêm',
        percent: null,
        reportsDone: false,
      }),
    );
    expect(closed.status).toBe(409);
    expect(closed.code).toBe('task_closed');
  });

  it('refuses a percent outside 0–100, an empty update and a unit that does not hold the task, changing nothing', async () => {
    const x = await setup();
    const outsider = await buildUnit(db(), { parentId: x.s.convener.id, name: 'Hội ngoài cuộc' });
    const stranger = at(
      ctxFor(await buildAccount(db(), { roles: [{ unitId: outsider.id, role: 'reporter' }] })),
      LATER,
    );
    const c = await counts(db());
    for (const percent of [-1, 101, 12.5]) {
      const e = await failure(
        updates.addTaskUpdate(db(), x.reporter, x.task.id, {
          note: 'x',
          percent,
          reportsDone: false,
        }),
      );
      expect(e.status).toBe(400);
      expect(e.fields).toHaveProperty('percent');
    }
    const empty = await failure(
      updates.addTaskUpdate(db(), x.reporter, x.task.id, {
        note: '  ',
        percent: null,
        reportsDone: false,
      }),
    );
    expect(empty.fields).toHaveProperty('note');
    const foreign = await failure(
      updates.addTaskUpdate(db(), stranger, x.task.id, {
        note: 'x',
        percent: 10,
        reportsDone: false,
      }),
    );
    expect(foreign.status).toBe(403);
    expect(foreign.code).toBe('task_update_not_assigned');
    const bySecretariat = await failure(
      updates.addTaskUpdate(db(), x.sec, x.task.id, { note: 'x', percent: 10, reportsDone: false }),
    );
    expect(bySecretariat.status).toBe(403);
    expect(await counts(db())).toEqual(c);
    expect((await tasks.getTask(db(), x.sec, x.task.id)).state).toBe('not_started');
  });

  it('with head approval, keeps an update from the secretariat until the unit head approves it or sends it back', async () => {
    const x = await setup();
    const settings = await updates.getTaskSettings(db(), x.sec, x.s.convener.id);
    expect(settings).toMatchObject({ headApproval: false, version: 0, canEdit: true });
    const saved = await updates.saveTaskSettings(db(), x.sec, x.s.convener.id, {
      headApproval: true,
      version: 0,
    });
    expect(saved).toMatchObject({ headApproval: true, version: 1 });
    const stale = await failure(
      updates.saveTaskSettings(db(), x.sec, x.s.convener.id, { headApproval: false, version: 0 }),
    );
    expect(stale.status).toBe(409);
    const notSecretariat = await failure(
      updates.saveTaskSettings(db(), x.reporter, x.s.convener.id, {
        headApproval: false,
        version: 1,
      }),
    );
    expect(notSecretariat.status).toBe(403);

    const pending = await updates.addTaskUpdate(db(), x.reporter, x.task.id, {
      note: 'Hoàn thành.',
      percent: 100,
      reportsDone: true,
    });
    expect(pending.approval).toBe('pending');
    expect((await tasks.getTask(db(), x.sec, x.task.id)).state).toBe('not_started');
    expect(await updates.listTaskUpdates(db(), x.sec, x.task.id)).toEqual([]);
    expect((await updates.lastUpdatesOf(db(), [x.task.id])).size).toBe(0);
    const own = await updates.listTaskUpdates(db(), x.reporter, x.task.id);
    expect(own.map((u) => u.id)).toEqual([pending.id]);
    const headView = await updates.listTaskUpdates(db(), x.head, x.task.id);
    expect(headView[0]!.actions).toEqual(expect.arrayContaining(['approve', 'send_back']));

    const byReporter = await failure(
      updates.decideTaskUpdate(db(), x.reporter, pending.id, { decision: 'approve' }),
    );
    expect(byReporter.status).toBe(403);
    const noComment = await failure(
      updates.decideTaskUpdate(db(), x.head, pending.id, { decision: 'send_back' }),
    );
    expect(noComment.fields).toHaveProperty('comment');
    const back = await updates.decideTaskUpdate(db(), x.head, pending.id, {
      decision: 'send_back',
      comment: 'Bổ sung danh sách cơ sở đã di dời.',
    });
    expect(back).toMatchObject({
      approval: 'sent_back',
      approvalComment: 'Bổ sung danh sách cơ sở đã di dời.',
    });
    const twice = await failure(
      updates.decideTaskUpdate(db(), x.head, pending.id, { decision: 'approve' }),
    );
    expect(twice.status).toBe(409);

    const second = await updates.addTaskUpdate(db(), x.reporter, x.task.id, {
      note: 'Hoàn thành, kèm danh sách 12 cơ sở.',
      percent: 100,
      reportsDone: true,
    });
    const approved = await updates.decideTaskUpdate(db(), x.head, second.id, {
      decision: 'approve',
    });
    expect(approved.approval).toBe('approved');
    expect((await updates.lastUpdatesOf(db(), [x.task.id])).get(x.task.id)?.id).toBe(second.id);
    expect((await tasks.getTask(db(), x.sec, x.task.id)).state).toBe('reported_done');
    expect((await updates.listTaskUpdates(db(), x.sec, x.task.id)).map((u) => u.id)).toEqual([
      second.id,
    ]);
    // Both kept as written: the one sent back is still there for its unit.
    expect((await updates.listTaskUpdates(db(), x.reporter, x.task.id)).map((u) => u.note)).toEqual(
      ['Hoàn thành.', 'Hoàn thành, kèm danh sách 12 cơ sở.'],
    );

    // An update given in a report the head approved is approved already.
    const x2 = await tasks.transitionTask(db(), x.sec, x.task.id, {
      version: (await tasks.getTask(db(), x.sec, x.task.id)).version,
      action: 'return',
      comment: 'Thiếu biên bản nghiệm thu.',
    });
    expect(x2.state).toBe('returned');
    const viaReport = await updates.addTaskUpdate(
      db(),
      x.reporter,
      x.task.id,
      { note: 'Đã bổ sung biên bản.', percent: 100, reportsDone: true },
      { reportId: x.s.report.id, approvedBy: { id: x.s.accounts.head.id, name: 'Lãnh đạo' } },
    );
    expect(viaReport).toMatchObject({ approval: 'approved', approvedByName: 'Lãnh đạo' });
    const t = await tasks.getTask(db(), x.sec, x.task.id);
    expect(t.state).toBe('reported_done');
    expect(t.history.map((h) => h.action).slice(-3)).toEqual(['return', 'resume', 'report_done']);
  });
});
