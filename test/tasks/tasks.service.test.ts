import { expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import * as tasks from '../../src/tasks/tasks.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildAccount, buildUnit, ctxFor, failure } from '../../src/test-support/factories.ts';
import { TASK_DAY, at, buildTaskSetup } from '../../src/test-support/task-factories.ts';

/** What a refusal must leave untouched: the tasks, their history and the audit log. */
async function counts(db: Database) {
  const n = async (t: 'tasks' | 'task_history' | 'task_units' | 'audit_log') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    tasks: await n('tasks'),
    history: await n('task_history'),
    units: await n('task_units'),
    audit: await n('audit_log'),
  };
}

describeEachEngine('tasks', (db) => {
  async function setup() {
    const x = await buildTaskSetup(db());
    const sec = at(x.s.ctx.secretary, TASK_DAY);
    return { ...x, sec };
  }

  it('issues a concluded meeting’s directives at once, edited before issuing, and never twice', async () => {
    const { s, sec, meeting, directives } = await setup();
    const before = await tasks.meetingDirectives(db(), sec, meeting.id);
    expect(before.concluded).toBe(true);
    expect(before.items.map((d) => d.taskId)).toEqual([null, null, null]);

    const made = await tasks.createFromMeeting(db(), sec, meeting.id, {
      directives: [
        { directiveId: directives[0]!.id },
        {
          directiveId: directives[1]!.id,
          title: 'Phát triển đảng viên trong doanh nghiệp',
          leadUnitId: s.other.id,
          coordinatingUnitIds: [s.unit.id],
          deadlineChoice: 'end_of_year',
        },
      ],
    });
    expect(made.items).toHaveLength(2);
    const [first, second] = made.items;
    expect(first).toMatchObject({
      title: directives[0]!.text,
      leadUnit: { unitId: s.unit.id },
      coordinatingUnits: [{ unitId: s.other.id }],
      deadline: '2017-12-31',
      deadlineKind: 'date',
      state: 'not_started',
      source: { kind: 'directive', meetingId: meeting.id, directiveId: directives[0]!.id },
      overdue: false,
      dueSoon: false,
    });
    expect(second).toMatchObject({
      title: 'Phát triển đảng viên trong doanh nghiệp',
      details: directives[1]!.text,
      leadUnit: { unitId: s.other.id },
      deadline: '2017-12-31',
      deadlineKind: 'end_of_year',
    });
    expect(first!.actions).toEqual(expect.arrayContaining(['edit', 'change_deadline', 'cancel']));
    expect(first!.actions).not.toContain('start');

    const after = await tasks.meetingDirectives(db(), sec, meeting.id);
    expect(after.items.map((d) => d.taskId)).toEqual([first!.id, second!.id, null]);

    // All or nothing: the third is fine, the first is taken — nothing is issued.
    const c = await counts(db());
    const again = await failure(
      tasks.createFromMeeting(db(), sec, meeting.id, {
        directives: [{ directiveId: directives[2]!.id }, { directiveId: directives[0]!.id }],
      }),
    );
    expect(again.status).toBe(409);
    expect(again.code).toBe('task_directive_taken');
    expect(again.params).toMatchObject({ position: 1, taskId: first!.id });
    expect(again.fields).toHaveProperty(['directives.1.directiveId']);
    expect(await counts(db())).toEqual(c);
  });

  it('refuses a meeting not concluded, a directive without a lead unit, and another meeting’s directive', async () => {
    const { s, sec, meeting, directives, planned, plannedDirectives } = await setup();
    const c = await counts(db());
    const notConcluded = await failure(
      tasks.createFromMeeting(db(), sec, planned.id, {
        directives: [{ directiveId: plannedDirectives[0]!.id }],
      }),
    );
    expect(notConcluded.status).toBe(409);
    expect(notConcluded.code).toBe('task_meeting_not_concluded');

    const bad = await failure(
      tasks.createFromMeeting(db(), sec, meeting.id, {
        directives: [
          { directiveId: directives[1]!.id },
          { directiveId: plannedDirectives[0]!.id },
          { directiveId: directives[2]!.id, coordinatingUnitIds: [s.other.id] },
        ],
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.fields).toEqual({
      'directives.0.leadUnitId': { rule: 'required' },
      'directives.0.deadline': { rule: 'required' },
      'directives.1.directiveId': { rule: 'notInMeeting' },
      'directives.2.coordinatingUnitIds.0': { rule: 'leadAmongCoordinating' },
    });
    // Only the convening unit's secretariat and chair issue them.
    expect(
      (
        await failure(
          tasks.createFromMeeting(db(), at(s.ctx.reporter, TASK_DAY), meeting.id, {
            directives: [{ directiveId: directives[0]!.id }],
          }),
        )
      ).status,
    ).toBe(403);
    expect(await counts(db())).toEqual(c);
  });

  it('issues a task directly and checks units and deadlines, changing nothing on refusal', async () => {
    const { s, sec } = await setup();
    const base = {
      unitId: s.convener.id,
      title: 'Rà soát hồ sơ đảng viên',
      leadUnitId: s.unit.id,
      sourceKind: 'document' as const,
      sourceDocument: 'Công văn số 125-CV/TU ngày 02/10/2017',
    };
    const c = await counts(db());
    const wrong = await failure(
      tasks.createTask(db(), sec, {
        ...base,
        title: '   ',
        coordinatingUnitIds: [s.unit.id, 999_999],
        deadline: '2017-10-11',
      }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.fields).toEqual({
      title: { rule: 'blank' },
      'coordinatingUnitIds.0': { rule: 'leadAmongCoordinating' },
      'coordinatingUnitIds.1': { rule: 'notFound' },
      deadline: { rule: 'deadlinePast', params: { today: '2017-10-12' } },
    });
    const far = await failure(tasks.createTask(db(), sec, { ...base, deadline: '2099-01-01' }));
    expect(far.fields?.deadline?.rule).toBe('deadlineTooFar');
    const none = await failure(tasks.createTask(db(), sec, { ...base }));
    expect(none.fields).toEqual({ deadline: { rule: 'required' } });
    const both = await failure(
      tasks.createTask(db(), sec, {
        ...base,
        deadline: '2017-11-01',
        deadlineChoice: 'end_of_year',
      }),
    );
    expect(both.fields).toEqual({ deadlineChoice: { rule: 'deadlineEither' } });
    const noDoc = await failure(
      tasks.createTask(db(), sec, { ...base, sourceDocument: ' ', deadline: '2017-11-01' }),
    );
    expect(noDoc.fields).toEqual({ sourceDocument: { rule: 'required' } });
    const elsewhere = await buildUnit(db(), {});
    const outside = await failure(
      tasks.createTask(db(), sec, { ...base, leadUnitId: elsewhere.id, deadline: '2017-11-01' }),
    );
    expect(outside.fields).toEqual({ leadUnitId: { rule: 'notUnitOfConvener' } });
    expect(await counts(db())).toEqual(c);

    const task = await tasks.createTask(db(), sec, {
      ...base,
      deadlineChoice: 'end_of_quarter',
    });
    expect(task).toMatchObject({
      deadline: '2017-12-31',
      deadlineKind: 'end_of_quarter',
      source: { kind: 'document', document: base.sourceDocument },
      history: [{ kind: 'created', toState: 'not_started', newDeadline: '2017-12-31' }],
    });
    expect(
      (
        await failure(
          tasks.createTask(db(), at(s.ctx.reporter, TASK_DAY), { ...base, deadline: '2017-11-01' }),
        )
      ).status,
    ).toBe(403);
  });

  it('moves through the states by the right people, returns with a comment, and keeps every change', async () => {
    const { s, sec, meeting, directives } = await setup();
    const [task] = (
      await tasks.createFromMeeting(db(), sec, meeting.id, {
        directives: [{ directiveId: directives[0]!.id }],
      })
    ).items;
    const reporter = at(s.ctx.reporter, '2017-10-13T03:00:00Z');
    const head = at(s.ctx.head, '2017-10-20T03:00:00Z');
    const later = at(s.ctx.secretary, '2017-10-21T03:00:00Z');

    // The secretariat does not start the work; the coordinating unit neither.
    const bySec = await failure(
      tasks.transitionTask(db(), later, task!.id, { version: task!.version, action: 'start' }),
    );
    expect(bySec.status).toBe(403);
    const byOther = await failure(
      tasks.transitionTask(db(), at(s.ctx.otherReporter, TASK_DAY), task!.id, {
        version: task!.version,
        action: 'start',
      }),
    );
    expect(byOther.status).toBe(403);
    const early = await failure(
      tasks.transitionTask(db(), later, task!.id, { version: task!.version, action: 'accept' }),
    );
    expect(early.status).toBe(409);
    expect(early.code).toBe('task_transition');

    let t = await tasks.transitionTask(db(), reporter, task!.id, {
      version: task!.version,
      action: 'start',
    });
    expect(t.state).toBe('in_progress');
    const stale = await failure(
      tasks.transitionTask(db(), head, task!.id, { version: task!.version, action: 'report_done' }),
    );
    expect(stale.status).toBe(409);
    expect(stale.fields).toHaveProperty('version');
    t = await tasks.transitionTask(db(), head, t.id, { version: t.version, action: 'report_done' });
    const noComment = await failure(
      tasks.transitionTask(db(), later, t.id, { version: t.version, action: 'return' }),
    );
    expect(noComment.fields).toEqual({ comment: { rule: 'returnComment' } });
    t = await tasks.transitionTask(db(), later, t.id, {
      version: t.version,
      action: 'return',
      comment: 'Chưa có số liệu quan trắc.',
    });
    expect(t.state).toBe('returned');
    t = await tasks.transitionTask(db(), reporter, t.id, { version: t.version, action: 'resume' });
    t = await tasks.transitionTask(db(), reporter, t.id, {
      version: t.version,
      action: 'report_done',
    });
    t = await tasks.transitionTask(db(), later, t.id, { version: t.version, action: 'accept' });
    expect(t.state).toBe('accepted');
    expect(t.actions).toEqual([]);
    expect(t.history.map((h) => [h.kind, h.action, h.toState])).toEqual([
      ['created', null, 'not_started'],
      ['transition', 'start', 'in_progress'],
      ['transition', 'report_done', 'reported_done'],
      ['transition', 'return', 'returned'],
      ['transition', 'resume', 'in_progress'],
      ['transition', 'report_done', 'reported_done'],
      ['transition', 'accept', 'accepted'],
    ]);
    expect(t.history[3]).toMatchObject({ comment: 'Chưa có số liệu quan trắc.' });
    const closed = await failure(
      tasks.changeDeadline(db(), later, t.id, { version: t.version, deadline: '2018-01-31' }),
    );
    expect(closed.code).toBe('task_closed');
    const noReason = await failure(
      tasks.transitionTask(db(), later, t.id, { version: t.version, action: 'cancel' }),
    );
    expect(noReason.code).toBe('task_transition');
  });

  it('moves a deadline, counting extensions, and computes overdue and due soon from today', async () => {
    const { s, sec, meeting, directives } = await setup();
    const made = await tasks.createFromMeeting(db(), sec, meeting.id, {
      directives: [{ directiveId: directives[0]!.id }, { directiveId: directives[2]!.id }],
    });
    const [a, b] = made.items; // a: 31/12/2017, lead unit; b: 15/11/2017, lead other
    let t = await tasks.changeDeadline(db(), sec, a!.id, {
      version: a!.version,
      deadline: '2018-01-31',
      comment: 'Chờ kết quả quan trắc.',
    });
    t = await tasks.changeDeadline(db(), sec, t.id, { version: t.version, deadline: '2017-12-15' });
    expect(t.extensions).toBe(1);
    expect(t.history.filter((h) => h.kind === 'deadline')).toMatchObject([
      { oldDeadline: '2017-12-31', newDeadline: '2018-01-31', comment: 'Chờ kết quả quan trắc.' },
      { oldDeadline: '2018-01-31', newDeadline: '2017-12-15' },
    ]);
    const same = await failure(
      tasks.changeDeadline(db(), sec, t.id, { version: t.version, deadline: '2017-12-15' }),
    );
    expect(same.fields?.deadline?.rule).toBe('deadlineUnchanged');

    // As of 10/11/2017, b falls due within 7 days; as of 16/11/2017 it is overdue.
    const nov10 = at(s.ctx.secretary, '2017-11-10T03:00:00Z');
    const nov16 = at(s.ctx.chair, '2017-11-16T03:00:00Z');
    const soon = await tasks.listTasks(db(), nov10, { page: 1, pageSize: 50, dueSoon: true });
    expect(soon.items.map((i) => i.id)).toEqual([b!.id]);
    expect(soon.items[0]).toMatchObject({ dueSoon: true, overdue: false });
    const overdue = await tasks.listTasks(db(), nov16, { page: 1, pageSize: 50, overdue: true });
    expect(overdue.items.map((i) => [i.id, i.overdue])).toEqual([[b!.id, true]]);
    expect((await tasks.getTask(db(), nov16, b!.id)).overdue).toBe(true);

    // Lists by unit, meeting, state and deadline window.
    const all = { page: 1, pageSize: 50 };
    expect((await tasks.listTasks(db(), nov16, { ...all, meetingId: meeting.id })).total).toBe(2);
    expect(
      (await tasks.listTasks(db(), nov16, { ...all, unitId: s.other.id })).items.map((i) => i.id),
    ).toEqual([b!.id, a!.id]); // b led, a coordinated
    expect(
      (await tasks.listTasks(db(), nov16, { ...all, deadlineTo: '2017-11-30' })).items.map(
        (i) => i.id,
      ),
    ).toEqual([b!.id]);
    expect((await tasks.listTasks(db(), nov16, { ...all, state: ['accepted'] })).total).toBe(0);
    const window = await failure(
      tasks.listTasks(db(), nov16, {
        ...all,
        deadlineFrom: '2017-12-01',
        deadlineTo: '2017-11-01',
      }),
    );
    expect(window.fields).toHaveProperty('deadlineTo');
  });

  it('shows each unit its own tasks; the committee sees all; others none', async () => {
    const { s, sec, meeting, directives } = await setup();
    const made = await tasks.createFromMeeting(db(), sec, meeting.id, {
      directives: [{ directiveId: directives[0]!.id }, { directiveId: directives[2]!.id }],
    });
    const [a, b] = made.items; // a: lead unit, other coordinates; b: lead other
    const list = (ctx: typeof sec) => tasks.listTasks(db(), ctx, { page: 1, pageSize: 50 });
    const ids = async (ctx: typeof sec) => (await list(ctx)).items.map((i) => i.id).sort();
    expect(await ids(at(s.ctx.chair, TASK_DAY))).toEqual([a!.id, b!.id].sort());
    expect(await ids(at(s.ctx.reporter, TASK_DAY))).toEqual([a!.id]);
    expect(await ids(at(s.ctx.head, TASK_DAY))).toEqual([a!.id]);
    expect(await ids(at(s.ctx.otherReporter, TASK_DAY))).toEqual([a!.id, b!.id].sort());
    const stranger = ctxFor(await buildAccount(db(), { roles: [] }));
    expect(await ids(stranger)).toEqual([]);
    expect((await failure(tasks.getTask(db(), stranger, a!.id))).status).toBe(403);
    expect((await failure(tasks.getTask(db(), at(s.ctx.reporter, TASK_DAY), b!.id))).status).toBe(
      403,
    );
    expect((await failure(tasks.getTask(db(), sec, 999_999))).status).toBe(404);
    // A coordinating unit reads but does not move the task.
    const seen = await tasks.getTask(db(), at(s.ctx.otherReporter, TASK_DAY), a!.id);
    expect(seen.actions).toEqual([]);
    // Editing: the lead unit cannot also coordinate; a stale version is refused.
    const dup = await failure(
      tasks.updateTask(db(), sec, a!.id, { version: a!.version, leadUnitId: s.other.id }),
    );
    expect(dup.fields).toEqual({ 'coordinatingUnitIds.0': { rule: 'leadAmongCoordinating' } });
    const edited = await tasks.updateTask(db(), sec, a!.id, {
      version: a!.version,
      leadUnitId: s.other.id,
      coordinatingUnitIds: [s.unit.id],
      expectedResult: 'Báo cáo kết quả xử lý',
    });
    expect(edited).toMatchObject({
      leadUnit: { unitId: s.other.id },
      coordinatingUnits: [{ unitId: s.unit.id }],
      expectedResult: 'Báo cáo kết quả xử lý',
      version: a!.version + 1,
    });
    expect(
      (await failure(tasks.updateTask(db(), sec, a!.id, { version: a!.version, title: 'x' })))
        .status,
    ).toBe(409);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'task')
      .where('entity_id', '=', String(a!.id))
      .orderBy('id')
      .execute();
    expect(audit.map((r) => r.action)).toEqual(['create', 'update']);
  });
});
