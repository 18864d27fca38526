import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import type { Task, TaskList } from '../../src/tasks/tasks.schema.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { loginCookie, testConfig } from '../../src/test-support/factories.ts';
import { TASK_DAY, buildTaskSetup } from '../../src/test-support/task-factories.ts';
import { apiCaller, type ErrorBody } from '../api-call.ts';

describeEachEngine('tasks over HTTP', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // The app runs as of 12/10/2017, the day after the meeting concluded.
    app = await buildApp({
      config: testConfig(),
      db: db(),
      logger: false,
      clock: fixedClock(TASK_DAY),
    });
  });
  afterAll(() => app.close());

  const call = apiCaller(() => app);

  async function setup() {
    const x = await buildTaskSetup(db());
    const { accounts } = x.s;
    const cookies = {
      secretary: await loginCookie(app, accounts.secretary.username),
      chair: await loginCookie(app, accounts.chair.username),
      reporter: await loginCookie(app, accounts.reporter.username),
      otherReporter: await loginCookie(app, accounts.otherReporter.username),
    };
    return { ...x, cookies };
  }

  async function taskCount() {
    const r = await db()
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  it('turns directives into tasks, and the lead unit carries one to acceptance', async () => {
    const { s, cookies, meeting, directives } = await setup();
    const url = `/tasks/from-meeting/${meeting.id}`;
    const listed = await call<{ items: { directiveId: number; taskId: number | null }[] }>(
      'GET',
      url,
      cookies.secretary,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(3);

    const made = await call<TaskList>('POST', url, cookies.secretary, {
      directives: [
        { directiveId: directives[0]!.id, deadline: '2017-11-30' },
        {
          directiveId: directives[1]!.id,
          leadUnitId: s.other.id,
          deadlineChoice: 'end_of_quarter',
        },
      ],
    });
    expect(made.status).toBe(201);
    const [a, b] = made.body.items;
    expect(a).toMatchObject({ deadline: '2017-11-30', state: 'not_started' });
    expect(b).toMatchObject({ deadline: '2017-12-31', leadUnit: { unitId: s.other.id } });

    const mine = await call<TaskList>('GET', '/tasks', cookies.reporter);
    expect(mine.body.items.map((t) => t.id)).toEqual([a!.id]);
    const committee = await call<TaskList>(
      'GET',
      `/tasks?meetingId=${meeting.id}&state=not_started&state=in_progress`,
      cookies.chair,
    );
    expect(committee.body.total).toBe(2);

    let t = (
      await call<Task>('POST', `/tasks/${a!.id}/transitions`, cookies.reporter, {
        version: a!.version,
        action: 'start',
      })
    ).body;
    t = (
      await call<Task>('POST', `/tasks/${a!.id}/transitions`, cookies.reporter, {
        version: t.version,
        action: 'report_done',
      })
    ).body;
    const accepted = await call<Task>('POST', `/tasks/${a!.id}/transitions`, cookies.secretary, {
      version: t.version,
      action: 'accept',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('accepted');
    const got = await call<Task>('GET', `/tasks/${a!.id}`, cookies.reporter);
    expect(got.body.history.map((h) => h.toState)).toEqual([
      'not_started',
      'in_progress',
      'reported_done',
      'accepted',
    ]);

    const moved = await call<Task>('POST', `/tasks/${b!.id}/deadline`, cookies.secretary, {
      version: b!.version,
      deadline: '2018-01-15',
      comment: 'Gia hạn theo đề nghị của đơn vị',
    });
    expect(moved.body).toMatchObject({ deadline: '2018-01-15', extensions: 1 });
    const direct = await call<Task>('POST', '/tasks', cookies.secretary, {
      unitId: s.convener.id,
      title: 'Chuẩn bị hội nghị sơ kết',
      leadUnitId: s.unit.id,
      deadlineChoice: 'end_of_year',
      sourceKind: 'other',
    });
    expect(direct.status).toBe(201);
    expect(direct.body).toMatchObject({ deadline: '2017-12-31', source: { kind: 'other' } });
    const edited = await call<Task>('PUT', `/tasks/${direct.body.id}`, cookies.secretary, {
      version: direct.body.version,
      coordinatingUnitIds: [s.other.id],
    });
    expect(edited.body.coordinatingUnits).toMatchObject([{ unitId: s.other.id }]);
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`refuses bad input clearly in ${lang}, naming the field and changing nothing`, async () => {
      const { s, cookies, meeting, directives, planned, plannedDirectives } = await setup();
      const text = (vi: string, en: string) => (lang === 'vi' ? vi : en);
      const before = await taskCount();
      const base = {
        unitId: s.convener.id,
        title: 'Nhiệm vụ thử',
        leadUnitId: s.unit.id,
        sourceKind: 'other',
        deadline: '2017-11-30',
      };

      const unknown = await call<ErrorBody>(
        'POST',
        '/tasks',
        cookies.secretary,
        { ...base, leadUnitId: 999_999, coordinatingUnitIds: [s.other.id] },
        lang,
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields).toEqual({
        leadUnitId: text('Không tồn tại.', 'Does not exist.'),
      });

      const among = await call<ErrorBody>(
        'POST',
        '/tasks',
        cookies.secretary,
        { ...base, coordinatingUnitIds: [s.other.id, s.unit.id] },
        lang,
      );
      expect(among.body.error.fields).toEqual({
        'coordinatingUnitIds.1': text(
          'Đơn vị chủ trì không được đồng thời là đơn vị phối hợp.',
          'The lead unit cannot also be a coordinating unit.',
        ),
      });

      const past = await call<ErrorBody>(
        'POST',
        '/tasks',
        cookies.secretary,
        { ...base, deadline: '2017-10-01' },
        lang,
      );
      expect(past.body.error.fields?.deadline).toBe(
        text(
          'Thời hạn không được trước hôm nay (2017-10-12).',
          'The deadline must not be before today (2017-10-12).',
        ),
      );
      const absurd = await call<ErrorBody>(
        'POST',
        '/tasks',
        cookies.secretary,
        { ...base, deadline: '9999-12-31' },
        lang,
      );
      expect(absurd.body.error.fields?.deadline).toBe(
        text(
          'Thời hạn không được quá 10 năm kể từ hôm nay (muộn nhất 2027-10-12).',
          'The deadline must be at most 10 years from today (by 2027-10-12).',
        ),
      );
      const notADay = await call<ErrorBody>(
        'POST',
        '/tasks',
        cookies.secretary,
        { ...base, deadline: '2017-02-30' },
        lang,
      );
      expect(notADay.status).toBe(400);
      expect(notADay.body.error.fields).toHaveProperty('deadline');
      const noLead = await call<ErrorBody>(
        'POST',
        '/tasks',
        cookies.secretary,
        { ...base, leadUnitId: undefined },
        lang,
      );
      expect(noLead.status).toBe(400);
      expect(noLead.body.error.fields).toHaveProperty('leadUnitId');

      const notConcluded = await call<ErrorBody>(
        'POST',
        `/tasks/from-meeting/${planned.id}`,
        cookies.secretary,
        { directives: [{ directiveId: plannedDirectives[0]!.id }] },
        lang,
      );
      expect(notConcluded.status).toBe(409);
      expect(notConcluded.body.error.message).toBe(
        text(
          `Hội nghị "${planned.title}" chưa kết luận nên chưa thể giao nhiệm vụ từ các chỉ đạo của hội nghị.`,
          `The meeting "${planned.title}" has not been concluded, so its directives cannot be made into tasks yet.`,
        ),
      );
      expect(await taskCount()).toBe(before);

      const made = await call<TaskList>(
        'POST',
        `/tasks/from-meeting/${meeting.id}`,
        cookies.secretary,
        { directives: [{ directiveId: directives[2]!.id }] },
        lang,
      );
      expect(made.status).toBe(201);
      const task = made.body.items[0]!;
      const twice = await call<ErrorBody>(
        'POST',
        `/tasks/from-meeting/${meeting.id}`,
        cookies.secretary,
        { directives: [{ directiveId: directives[0]!.id }, { directiveId: directives[2]!.id }] },
        lang,
      );
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe('task_directive_taken');
      expect(twice.body.error.message).toContain(`#${task.id}`);
      expect(twice.body.error.message).toContain(text('Chỉ đạo số 3', 'Directive 3'));
      expect(twice.body.error.fields).toHaveProperty(['directives.1.directiveId']);
      expect(await taskCount()).toBe(before + 1);

      const wrongState = await call<ErrorBody>(
        'POST',
        `/tasks/${task.id}/transitions`,
        cookies.secretary,
        { version: task.version, action: 'accept' },
        lang,
      );
      expect(wrongState.status).toBe(409);
      expect(wrongState.body.error.message).toBe(
        text(
          'Không thể "công nhận hoàn thành" nhiệm vụ đang ở trạng thái "chưa thực hiện".',
          'Cannot "accept" a task that is "not started".',
        ),
      );
      const started = await call<Task>(
        'POST',
        `/tasks/${task.id}/transitions`,
        cookies.otherReporter,
        { version: task.version, action: 'start' },
        lang,
      );
      expect(started.status).toBe(200);
      const stale = await call<ErrorBody>(
        'POST',
        `/tasks/${task.id}/deadline`,
        cookies.secretary,
        { version: task.version, deadline: '2017-12-20' },
        lang,
      );
      expect(stale.status).toBe(409);
      expect(stale.body.error.fields?.version).toBe(
        text(
          `Đã có bản mới hơn (phiên bản ${started.body.version}).`,
          `A newer version exists (version ${started.body.version}).`,
        ),
      );
      const cancelNoReason = await call<ErrorBody>(
        'POST',
        `/tasks/${task.id}/transitions`,
        cookies.secretary,
        { version: started.body.version, action: 'cancel', comment: ' ' },
        lang,
      );
      expect(cancelNoReason.status).toBe(400);
      expect(cancelNoReason.body.error.fields?.comment).toBe(
        text(
          'Cần ghi lý do hủy nhiệm vụ; các đơn vị được giao sẽ thấy lý do này.',
          'Say why the task is cancelled; the units given it will see it.',
        ),
      );
      const extra = await call<ErrorBody>(
        'PUT',
        `/tasks/${task.id}`,
        cookies.secretary,
        { version: started.body.version, state: 'accepted' },
        lang,
      );
      expect(extra.status).toBe(400);
      expect(extra.body.error.fields).toEqual({
        state: text('Trường không được phép.', 'Unknown field.'),
      });
      const badType = await call<ErrorBody>(
        'PUT',
        `/tasks/${task.id}`,
        cookies.secretary,
        { version: started.body.version, leadUnitId: 'Hội khác' },
        lang,
      );
      expect(badType.status).toBe(400);
      expect(badType.body.error.fields).toHaveProperty('leadUnitId');
      const badQuery = await call<ErrorBody>(
        'GET',
        '/tasks?deadlineFrom=hôm-nay&state=done',
        cookies.chair,
        undefined,
        lang,
      );
      expect(badQuery.status).toBe(400);
      expect(Object.keys(badQuery.body.error.fields ?? {}).sort()).toEqual([
        'querystring.deadlineFrom',
        'querystring.state.0',
      ]);
      const badWindow = await call<ErrorBody>(
        'GET',
        '/tasks?deadlineFrom=2017-12-01&deadlineTo=2017-11-01',
        cookies.chair,
        undefined,
        lang,
      );
      expect(badWindow.body.error.fields).toEqual({
        deadlineTo: text('Không được trước 2017-12-01.', 'Must not be before 2017-12-01.'),
      });
      const after = await call<Task>('GET', `/tasks/${task.id}`, cookies.chair, undefined, lang);
      expect(after.body).toMatchObject({
        state: 'in_progress',
        deadline: '2017-11-15',
        extensions: 0,
      });
      expect(await taskCount()).toBe(before + 1);
    });
  }
});
