import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import type { Task } from '../../src/tasks/tasks.schema.ts';
import * as tasks from '../../src/tasks/tasks.service.ts';
import type { TaskSettings, TaskUpdate, TaskUpdateList } from '../../src/tasks/updates.schema.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { loginCookie, testConfig } from '../../src/test-support/factories.ts';
import { TASK_DAY, at, buildTaskSetup } from '../../src/test-support/task-factories.ts';
import { apiCaller, type ErrorBody, type Lang } from '../api-call.ts';
import { XLSX, multipartFile } from '../reports/http-helpers.ts';

describeEachEngine('task progress updates over HTTP', (db) => {
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

  /** A task led by s.unit (s.other coordinating), made from the meeting's first directive. */
  async function setup() {
    const x = await buildTaskSetup(db());
    const { accounts } = x.s;
    const made = await tasks.createFromMeeting(
      db(),
      at(x.s.ctx.secretary, TASK_DAY),
      x.meeting.id,
      {
        directives: [{ directiveId: x.directives[0]!.id }],
      },
    );
    const task = made.items[0]!;
    const unrelated = await tasks.createTask(db(), at(x.s.ctx.secretary, TASK_DAY), {
      unitId: x.s.convener.id,
      title: 'Nhiệm vụ riêng của đơn vị khác',
      leadUnitId: x.s.other.id,
      deadlineChoice: 'end_of_year',
      sourceKind: 'other',
    });
    const cookies = {
      secretary: await loginCookie(app, accounts.secretary.username),
      reporter: await loginCookie(app, accounts.reporter.username),
      head: await loginCookie(app, accounts.head.username),
      otherReporter: await loginCookie(app, accounts.otherReporter.username),
    };
    return { ...x, task, unrelated, cookies };
  }

  async function updateCount() {
    const r = await db()
      .selectFrom('task_updates')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  it('adds updates with a file, lists them, and exports the list to Excel in Vietnamese', async () => {
    const { task, cookies, s } = await setup();
    const added = await call<TaskUpdate>('POST', `/tasks/${task.id}/updates`, cookies.reporter, {
      note: 'Đã khảo sát 12 cơ sở gây ô nhiễm.',
      percent: 30,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ role: 'lead', percent: 30, approval: 'not_needed' });
    expect(added.body.actions).toContain('attach');

    const form = multipartFile('Biên bản khảo sát.pdf', Buffer.from('%PDF-1.4 thử'));
    const upload = await app.inject({
      method: 'POST',
      url: `/api/v1/tasks/updates/${added.body.id}/attachments`,
      payload: form.payload,
      headers: { ...form.headers, cookie: cookies.reporter },
    });
    expect(upload.statusCode).toBe(201);
    const file = upload.json<{ id: number; fileName: string }>();
    expect(file.fileName).toBe('Biên bản khảo sát.pdf');
    const notAuthor = await app.inject({
      method: 'POST',
      url: `/api/v1/tasks/updates/${added.body.id}/attachments`,
      payload: form.payload,
      headers: { ...form.headers, cookie: cookies.otherReporter },
    });
    expect(notAuthor.statusCode).toBe(403);
    const download = await app.inject({
      method: 'GET',
      url: `/api/v1/tasks/update-attachments/${file.id}`,
      headers: { cookie: cookies.secretary },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect(download.rawPayload.toString()).toBe('%PDF-1.4 thử');

    const listed = await call<TaskUpdateList>(
      'GET',
      `/tasks/${task.id}/updates`,
      cookies.secretary,
    );
    expect(listed.body.items.map((u) => [u.unitName, u.attachments.length])).toEqual([
      [s.unit.name, 1],
    ]);
    const state = await call<Task>('GET', `/tasks/${task.id}`, cookies.secretary);
    expect(state.body.state).toBe('in_progress');

    const xlsx = await app.inject({
      method: 'GET',
      url: `/api/v1/tasks/export.xlsx?meetingId=${task.source.meetingId}`,
      headers: { cookie: cookies.secretary },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain(XLSX);
    expect(xlsx.headers['content-disposition']).toContain('nhiem-vu-2017-10-20.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Nhiệm vụ')!;
    expect(sheet.getRow(3).getCell(2).value).toBe('Nhiệm vụ');
    expect(sheet.getRow(3).getCell(3).value).toBe('Đơn vị chủ trì');
    const row = sheet.getRow(4);
    expect(row.getCell(2).value).toBe(task.title);
    expect(row.getCell(3).value).toBe(s.unit.name);
    expect(row.getCell(4).value).toBe(s.other.name);
    expect(row.getCell(5).value).toBe('31/12/2017');
    expect(row.getCell(7).value).toBe('Đang thực hiện');
    expect(row.getCell(11).value).toBe(30);
    expect(row.getCell(12).text).toContain('Đã khảo sát 12 cơ sở gây ô nhiễm.');
    expect(sheet.rowCount).toBe(4);
    // The lead unit's reporter exports what it reads: its task, not the other unit's.
    const mine = await app.inject({
      method: 'GET',
      url: '/api/v1/tasks/export.xlsx',
      headers: { cookie: cookies.reporter },
    });
    const own = new ExcelJS.Workbook();
    await own.xlsx.load(mine.rawPayload as unknown as ArrayBuffer);
    expect(own.getWorksheet('Nhiệm vụ')!.rowCount).toBe(4);
  });

  it('sends an update back with a comment, and the secretariat sees only the approved one', async () => {
    const { task, cookies, s } = await setup();
    const get = await call<TaskSettings>(
      'GET',
      `/tasks/settings/${s.convener.id}`,
      cookies.secretary,
    );
    expect(get.body).toMatchObject({ headApproval: false, version: 0, canEdit: true });
    const put = await call<TaskSettings>(
      'PUT',
      `/tasks/settings/${s.convener.id}`,
      cookies.secretary,
      {
        headApproval: true,
        version: 0,
      },
    );
    expect(put.body).toMatchObject({ headApproval: true, version: 1 });
    const pending = await call<TaskUpdate>('POST', `/tasks/${task.id}/updates`, cookies.reporter, {
      note: 'Hoàn thành.',
      percent: 100,
      reportsDone: true,
    });
    expect(pending.body.approval).toBe('pending');
    const back = await call<TaskUpdate>(
      'POST',
      `/tasks/updates/${pending.body.id}/approval`,
      cookies.head,
      { decision: 'send_back', comment: 'Ghi rõ số cơ sở đã di dời.' },
    );
    expect(back.body.approval).toBe('sent_back');
    const second = await call<TaskUpdate>('POST', `/tasks/${task.id}/updates`, cookies.reporter, {
      note: 'Hoàn thành, đã di dời 12 cơ sở.',
      percent: 100,
      reportsDone: true,
    });
    await call('POST', `/tasks/updates/${second.body.id}/approval`, cookies.head, {
      decision: 'approve',
    });
    const seen = await call<TaskUpdateList>('GET', `/tasks/${task.id}/updates`, cookies.secretary);
    expect(seen.body.items.map((u) => u.note)).toEqual(['Hoàn thành, đã di dời 12 cơ sở.']);
    const done = await call<Task>('GET', `/tasks/${task.id}`, cookies.secretary);
    expect(done.body.state).toBe('reported_done');
    const accepted = await call<Task>('POST', `/tasks/${task.id}/transitions`, cookies.secretary, {
      version: done.body.version,
      action: 'accept',
    });
    expect(accepted.body.state).toBe('accepted');
  });

  for (const lang of ['vi', 'en'] as const satisfies Lang[]) {
    it(`refuses bad updates with a clear message, changing nothing (${lang})`, async () => {
      const { task, unrelated, cookies, s } = await setup();
      const text = (vi: string, en: string) => (lang === 'vi' ? vi : en);
      const before = await updateCount();
      const post = (cookie: string, body: object, id = task.id) =>
        call<ErrorBody>('POST', `/tasks/${id}/updates`, cookie, body, lang);

      const tooMuch = await post(cookies.reporter, { note: 'x', percent: 150 });
      expect(tooMuch.status).toBe(400);
      expect(tooMuch.body.error.fields).toEqual({
        percent: text('Không được lớn hơn 100.', 'Must be at most 100.'),
      });
      const negative = await post(cookies.reporter, { note: 'x', percent: -5 });
      expect(negative.body.error.fields).toHaveProperty('percent');
      const empty = await post(cookies.reporter, { note: '   ' });
      expect(empty.body.error.fields).toEqual({
        note: text(
          'Cần ghi nội dung, tỷ lệ hoàn thành hoặc báo cáo hoàn thành.',
          'Write a note, give a percent or report the task done.',
        ),
      });
      const unknown = await post(cookies.reporter, { note: 'x', approval: 'approved' });
      expect(unknown.body.error.fields).toEqual({
        approval: text('Trường không được phép.', 'Unknown field.'),
      });
      const notHeld = await post(cookies.reporter, { note: 'x', percent: 10 }, unrelated.id);
      expect(notHeld.status).toBe(403);
      expect(notHeld.body.error.message).toBe(
        text(
          'Đơn vị của bạn không chủ trì hay phối hợp nhiệm vụ này nên không cập nhật tiến độ được.',
          'Your unit neither leads nor coordinates this task, so it cannot report progress on it.',
        ),
      );
      const bySecretariat = await post(cookies.secretary, { note: 'x', percent: 10 });
      expect(bySecretariat.status).toBe(403);
      const coordinatorDone = await post(cookies.otherReporter, {
        note: 'Xong',
        reportsDone: true,
      });
      expect(coordinatorDone.body.error.fields).toEqual({
        reportsDone: text(
          'Chỉ đơn vị chủ trì mới báo cáo hoàn thành nhiệm vụ.',
          'Only the lead unit reports the task done.',
        ),
      });
      expect(await updateCount()).toBe(before);

      // Reported done once; again is a transition the table does not allow.
      const done = await post(cookies.reporter, { note: 'Hoàn thành', reportsDone: true });
      expect(done.status).toBe(201);
      const again = await post(cookies.reporter, { note: 'Hoàn thành lần nữa', reportsDone: true });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe(
        text(
          'Không thể "báo cáo hoàn thành" nhiệm vụ đang ở trạng thái "đã báo cáo hoàn thành".',
          'Cannot "report done" a task that is "reported done".',
        ),
      );
      const noDecision = await call<ErrorBody>(
        'POST',
        `/tasks/updates/${(done.body as unknown as TaskUpdate).id}/approval`,
        cookies.head,
        { decision: 'send_back', comment: 'x' },
        lang,
      );
      expect(noDecision.status).toBe(409);
      const badSettings = await call<ErrorBody>(
        'PUT',
        `/tasks/settings/${s.convener.id}`,
        cookies.reporter,
        { headApproval: true, version: 0 },
        lang,
      );
      expect(badSettings.status).toBe(403);
      const badFile = multipartFile('chay.exe', Buffer.from('MZ'));
      const refused = await app.inject({
        method: 'POST',
        url: `/api/v1/tasks/updates/${(done.body as unknown as TaskUpdate).id}/attachments`,
        payload: badFile.payload,
        headers: { ...badFile.headers, cookie: cookies.reporter, 'accept-language': lang },
      });
      expect(refused.statusCode).toBe(415);
      const big = multipartFile('bien-ban.pdf', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41));
      const tooLarge = await app.inject({
        method: 'POST',
        url: `/api/v1/tasks/updates/${(done.body as unknown as TaskUpdate).id}/attachments`,
        payload: big.payload,
        headers: { ...big.headers, cookie: cookies.reporter, 'accept-language': lang },
      });
      expect(tooLarge.statusCode).toBe(413);
      const files = await db()
        .selectFrom('task_update_attachments')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('update_id', '=', (done.body as unknown as TaskUpdate).id)
        .executeTakeFirstOrThrow();
      expect(Number(files.n)).toBe(0);
      const badExport = await app.inject({
        method: 'GET',
        url: '/api/v1/tasks/export.xlsx?deadlineFrom=2017-12-01&deadlineTo=2017-11-01',
        headers: { cookie: cookies.secretary, 'accept-language': lang },
      });
      expect(badExport.statusCode).toBe(400);
      expect(badExport.json<ErrorBody>().error.fields).toEqual({
        deadlineTo: text('Không được trước 2017-12-01.', 'Must not be before 2017-12-01.'),
      });
      expect(await updateCount()).toBe(before + 1);
    });
  }
});
