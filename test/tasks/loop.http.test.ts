import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import type { Report } from '../../src/reports/reports.schema.ts';
import type { ReportTaskAnswers, TaskFollowUp } from '../../src/tasks/report-answers.schema.ts';
import * as meetings from '../../src/meetings/meetings.service.ts';
import * as periods from '../../src/reports/periods.service.ts';
import { listReports } from '../../src/reports/reports.repository.ts';
import * as tasks from '../../src/tasks/tasks.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { loginCookie, testConfig } from '../../src/test-support/factories.ts';
import { TASK_DAY, at, buildTaskSetup } from '../../src/test-support/task-factories.ts';
import { apiCaller, type ErrorBody, type Lang } from '../api-call.ts';

describeEachEngine('tasks in the report form over HTTP', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({
      config: testConfig(),
      db: db(),
      logger: false,
      clock: fixedClock('2017-10-20T03:00:00Z'),
    });
  });
  afterAll(() => app.close());

  const call = apiCaller(() => app);

  /** Two tasks from the concluded meeting: T0 led by the unit, T2 led by the other unit alone. */
  async function setup() {
    const x = await buildTaskSetup(db());
    const { s, meeting, directives } = x;
    const made = await tasks.createFromMeeting(db(), at(s.ctx.secretary, TASK_DAY), meeting.id, {
      directives: [{ directiveId: directives[0]!.id }, { directiveId: directives[2]!.id }],
    });
    const cookies = {
      reporter: await loginCookie(app, s.accounts.reporter.username),
      head: await loginCookie(app, s.accounts.head.username),
      secretary: await loginCookie(app, s.accounts.secretary.username),
    };
    // The next period, whose report answers about the tasks.
    const q4 = await periods.createPeriod(db(), at(s.ctx.secretary, TASK_DAY), {
      unitId: s.convener.id,
      kind: 'quarter',
      year: 2017,
      number: 4,
      templateId: s.template.id,
    });
    const report = (await listReports(db(), { periodId: q4.id })).find(
      (r) => r.unit_id === s.unit.id,
    )!;
    const [t0, t2] = made.items.map((t) => ({ id: t.id })) as [{ id: number }, { id: number }];
    return { ...x, q4, report, t0, t2, cookies, url: `/tasks/report-answers/${report.id}` };
  }

  it('saves the answers of a draft and shows them with the unit’s open tasks', async () => {
    const { t0, cookies, url } = await setup();
    const saved = await call<ReportTaskAnswers>('PUT', url, cookies.reporter, {
      answers: [{ taskId: t0.id, note: 'Đã họp tổ công tác', percent: 20, reportsDone: false }],
    });
    expect(saved.status).toBe(200);
    const read = await call<ReportTaskAnswers>('GET', url, cookies.reporter);
    expect(read.body).toMatchObject({ editable: true, answersVisible: true });
    expect(
      read.body.items.map((i) => [i.taskId, i.role, i.answer?.note, i.answer?.percent]),
    ).toEqual([[t0.id, 'lead', 'Đã họp tổ công tác', 20]]);
  });

  const cases: {
    name: string;
    body: (t: { t0: number; t2: number }) => object;
    field: string;
    message: Record<Lang, string>;
  }[] = [
    {
      name: 'a task the unit does not hold',
      body: ({ t2 }) => ({
        answers: [{ taskId: t2, note: 'Xong', percent: 50, reportsDone: false }],
      }),
      field: 'answers.0.taskId',
      message: {
        vi: 'Đơn vị không chủ trì hay phối hợp nhiệm vụ đang mở này.',
        en: 'The unit neither leads nor coordinates this open task.',
      },
    },
    {
      name: 'a percent above 100',
      body: ({ t0 }) => ({
        answers: [{ taskId: t0, note: 'Vượt', percent: 101, reportsDone: false }],
      }),
      field: 'answers.0.percent',
      message: {
        vi: 'Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.',
        en: 'The percent done must be a whole number from 0 to 100.',
      },
    },
    {
      name: 'a percent below 0',
      body: ({ t0 }) => ({
        answers: [{ taskId: t0, note: 'Âm', percent: -5, reportsDone: false }],
      }),
      field: 'answers.0.percent',
      message: {
        vi: 'Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.',
        en: 'The percent done must be a whole number from 0 to 100.',
      },
    },
    {
      name: 'a percent that is not a whole number',
      body: ({ t0 }) => ({
        answers: [{ taskId: t0, note: 'Lẻ', percent: 12.5, reportsDone: false }],
      }),
      field: 'answers.0.percent',
      message: { vi: 'Phải là số nguyên hoặc rỗng.', en: 'Must be an integer or null.' },
    },
  ];

  for (const c of cases) {
    for (const lang of ['vi', 'en'] as const) {
      it(`refuses ${c.name} (${lang}), changing nothing`, async () => {
        const { t0, t2, cookies, url } = await setup();
        await call('PUT', url, cookies.reporter, {
          answers: [{ taskId: t0.id, note: 'Bản đã lưu', percent: 10, reportsDone: false }],
        });
        const before = await call<ReportTaskAnswers>('GET', url, cookies.reporter);
        const r = await call<ErrorBody>(
          'PUT',
          url,
          cookies.reporter,
          c.body({ t0: t0.id, t2: t2.id }),
          lang,
        );
        expect(r.status).toBe(400);
        expect(r.body.error.code).toBe('validation');
        expect(r.body.error.fields?.[c.field]).toBe(c.message[lang]);
        expect((await call('GET', url, cookies.reporter)).body).toEqual(before.body);
      });
    }
  }

  for (const lang of ['vi', 'en'] as const) {
    it(`refuses answers on a report no longer editable (${lang})`, async () => {
      const { report, t0, cookies, url } = await setup();
      await call('PUT', url, cookies.reporter, {
        answers: [{ taskId: t0.id, note: 'Trước khi gửi', percent: 30, reportsDone: false }],
      });
      const sent = await call<Report>(
        'POST',
        `/reports/${report.id}/transitions`,
        cookies.reporter,
        {
          version: report.version,
          action: 'send',
        },
      );
      expect(sent.status).toBe(200);
      const r = await call<ErrorBody>(
        'PUT',
        url,
        cookies.reporter,
        { answers: [{ taskId: t0.id, note: 'Sau khi gửi', percent: 90, reportsDone: false }] },
        lang,
      );
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('task_answers_locked');
      expect(r.body.error.message).toBe(
        lang === 'vi'
          ? 'Báo cáo không còn là bản nháp nên không sửa được phần tiến độ nhiệm vụ; chỉ sửa được khi báo cáo đang soạn (hoặc bị trả lại và đã mở lại).'
          : 'The report is no longer a draft, so its answers about tasks cannot be changed; they can be changed while the report is being written (or once a returned report is reopened).',
      );
      const read = await call<ReportTaskAnswers>('GET', url, cookies.reporter);
      expect(read.body.editable).toBe(false);
      expect(read.body.items[0]?.answer?.note).toBe('Trước khi gửi');
      // Approved by the head: the answer is the task's last update, given in the report.
      const approved = await call<Report>(
        'POST',
        `/reports/${report.id}/transitions`,
        cookies.head,
        { version: sent.body.version, action: 'approve' },
      );
      expect(approved.status).toBe(200);
      const after = await call<ReportTaskAnswers>('GET', url, cookies.secretary);
      expect(after.body.items[0]?.lastUpdate).toMatchObject({
        note: 'Trước khi gửi',
        percent: 30,
        reportId: report.id,
      });
    });
  }

  it('answers the follow-up of a meeting, and refuses what is not a meeting', async () => {
    const { s, meeting, planned, q4, t0, t2, cookies } = await setup();
    const follow = async (id: number) =>
      (await call<TaskFollowUp>('GET', `/tasks/follow-up/${id}`, cookies.secretary)).body;
    // The concluded meeting started before the tasks were issued: as of its start, none existed.
    expect(await follow(meeting.id)).toMatchObject({ live: false, items: [], missing: [] });
    // The planned Quý III one follows them as of now; they were issued after Quý III ended, so
    // no Quý III report owes an answer about them.
    const q3 = await follow(planned.id);
    expect(q3).toMatchObject({ live: true, asOf: '2017-10-20T03:00:00.000Z', missing: [] });
    expect(q3.items.map((i) => i.taskId).sort()).toEqual([t0.id, t2.id].sort());
    // Quý IV's meeting: neither lead unit has sent its Quý IV report.
    const next = await meetings.createMeeting(db(), at(s.ctx.secretary, TASK_DAY), {
      periodId: q4.id,
      startsAt: '2017-12-28T08:00:00+07:00',
      plannedEndAt: '2017-12-28T11:00:00+07:00',
      place: 'Hội trường Thị ủy',
    });
    expect((await follow(next.id)).missing.map((m) => [m.unitId, m.reason]).sort()).toEqual(
      [
        [s.unit.id, 'not_sent'],
        [s.other.id, 'not_sent'],
      ].sort(),
    );
    const missing = await call<ErrorBody>(
      'GET',
      '/tasks/follow-up/999999',
      cookies.secretary,
      undefined,
      'en',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Meeting not found.');
    const bad = await call<ErrorBody>('GET', '/tasks/follow-up/abc', cookies.secretary);
    expect(bad.status).toBe(400);
  });
});
