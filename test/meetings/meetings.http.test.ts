import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { liveTopic } from '../../src/live/bus.ts';
import type {
  Agenda,
  Attendance,
  Conclusion,
  Meeting,
  Minutes,
  ProjectorState,
} from '../../src/meetings/meetings.schema.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp, loginCookie } from '../../src/test-support/factories.ts';
import { buildReportSetup } from '../../src/test-support/report-factories.ts';
import { apiCaller } from '../api-call.ts';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; current?: Minutes };
}

describeEachEngine('meetings over HTTP', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(db());
  });
  afterAll(() => app.close());

  const call = apiCaller(() => app);

  async function setup() {
    const s = await buildReportSetup(db());
    const cookies = {
      secretary: await loginCookie(app, s.accounts.secretary.username),
      chair: await loginCookie(app, s.accounts.chair.username),
      reporter: await loginCookie(app, s.accounts.reporter.username),
      head: await loginCookie(app, s.accounts.head.username),
      otherReporter: await loginCookie(app, s.accounts.otherReporter.username),
    };
    const created = await call<Meeting>('POST', '/meetings', cookies.secretary, {
      periodId: s.period.id,
      startsAt: '2017-10-11T08:00:00+07:00',
      plannedEndAt: '2017-10-11T11:00:00+07:00',
      place: 'Hội trường Thị ủy',
    });
    expect(created.status).toBe(201);
    return { s, cookies, meeting: created.body, url: `/meetings/${created.body.id}` };
  }

  async function started(x: Awaited<ReturnType<typeof setup>>) {
    const r = await call<Meeting>('POST', `${x.url}/transitions`, x.cookies.secretary, {
      version: x.meeting.version,
      action: 'start',
    });
    expect(r.status).toBe(200);
    return r.body;
  }

  async function concluded(x: Awaited<ReturnType<typeof setup>>) {
    const m = await started(x);
    const r = await call<Meeting>('POST', `${x.url}/transitions`, x.cookies.chair, {
      version: m.version,
      action: 'conclude',
    });
    expect(r.status).toBe(200);
    return r.body;
  }

  it('plans, invites, answers, runs, records and concludes a meeting, publishing each change', async () => {
    const x = await setup();
    const heard: string[] = [];
    const stop = app.live.subscribe(liveTopic.meeting(x.meeting.id), (t) => heard.push(t));
    const defaults = await call(
      'GET',
      `/meetings/defaults?periodId=${x.s.period.id}`,
      x.cookies.secretary,
    );
    expect(defaults.body).toMatchObject({
      title: x.meeting.title,
      chair: { accountId: x.s.accounts.chair.id },
    });

    const invited = await call<Meeting>('POST', `${x.url}/invitation`, x.cookies.secretary, {
      version: x.meeting.version,
    });
    expect(invited.status).toBe(200);
    const answer = await call<Meeting>(
      'PUT',
      `${x.url}/units/${x.s.unit.id}/response`,
      x.cookies.head,
      {
        response: 'confirmed',
        attendeeKind: 'delegate',
        name: 'Lê Thị Cử',
        position: 'Phó Chủ tịch',
      },
    );
    expect(answer.body.units[0]).toMatchObject({
      response: 'confirmed',
      attendeeName: 'Lê Thị Cử',
    });
    expect(answer.body.respondUnitIds).toEqual([x.s.unit.id]);
    // The invited unit sees its meeting, not the buttons of the secretariat.
    const mine = await call<{ items: { id: number }[] }>(
      'GET',
      `/meetings?invitedUnitId=${x.s.unit.id}`,
      x.cookies.reporter,
    );
    expect(mine.body.items.map((m) => m.id)).toEqual([x.meeting.id]);
    const seen = await call<Meeting>('GET', x.url, x.cookies.reporter);
    expect(seen.body.actions).toEqual(['respond']);

    const m = await started({ ...x, meeting: invited.body });
    expect(m.actions).toEqual(expect.arrayContaining(['run', 'conclude', 'edit_minutes']));
    const next = await call<Agenda>('POST', `${x.url}/speaker`, x.cookies.secretary, {
      action: 'next',
    });
    expect(next.body.currentItemId).toBe(next.body.items[0]!.id);
    const screen = await call<ProjectorState>('GET', `${x.url}/projector`, x.cookies.reporter);
    expect(screen.body).toMatchObject({ state: 'in_progress', current: { title: 'Khai mạc' } });
    expect(screen.body.next.map((n) => n.title)).toEqual(['Báo cáo tổng hợp', x.s.unit.name]);

    const att = await call<Attendance>('GET', `${x.url}/attendance`, x.cookies.secretary);
    const marked = await call<Attendance>('PUT', `${x.url}/attendance`, x.cookies.secretary, {
      version: att.body.version,
      units: [{ unitId: x.s.other.id, attendance: 'absent', reason: 'Ốm' }],
    });
    expect(marked.body.totals).toMatchObject({ delegate: 1, absent: 1 });

    const min = await call<Minutes>('GET', `${x.url}/minutes`, x.cookies.secretary);
    const saved = await call<Minutes>('PUT', `${x.url}/minutes`, x.cookies.secretary, {
      version: min.body.version,
      speeches: [{ itemId: min.body.speeches[2]!.itemId, html: '<p>Hội LHPN báo cáo.</p>' }],
    });
    expect(saved.status).toBe(200);

    const c = await call<Conclusion>('GET', `${x.url}/conclusion`, x.cookies.chair);
    const cs = await call<Conclusion>('PUT', `${x.url}/conclusion`, x.cookies.chair, {
      version: c.body.version,
      acknowledged: '<p>Ghi nhận.</p>',
      directives: [{ text: 'Chỉ đạo một' }, { text: 'Chỉ đạo hai', leadUnitId: x.s.unit.id }],
    });
    expect(cs.body.directives.map((d) => d.position)).toEqual([1, 2]);
    const done = await call<Meeting>('POST', `${x.url}/transitions`, x.cookies.chair, {
      version: m.version,
      action: 'conclude',
    });
    expect(done.body).toMatchObject({ state: 'concluded', onBehalfOfName: null });
    // Published to the invited unit now.
    const read = await call<Minutes>('GET', `${x.url}/minutes`, x.cookies.reporter);
    expect(read.body).toMatchObject({ locked: true });
    expect(read.body.speeches[2]!.html).toBe('<p>Hội LHPN báo cáo.</p>');
    await vi.waitFor(() => expect(heard.length).toBeGreaterThanOrEqual(8));
    stop();
  });

  describe.each(['vi', 'en'] as const)('bad input, answered in %s', (lang) => {
    const says = (vi: string, en: string) => (lang === 'vi' ? vi : en);

    it('concluding twice: 409 naming the action, nothing changed', async () => {
      const x = await setup();
      const m = await concluded(x);
      const again = await call<ErrorBody>(
        'POST',
        `${x.url}/transitions`,
        x.cookies.chair,
        { version: m.version, action: 'conclude' },
        lang,
      );
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('meeting_concluded');
      expect(again.body.error.message).toContain(says('đã kết luận', 'has been concluded'));
      expect(again.body.error.fields).toHaveProperty('action');
      const after = await call<Meeting>('GET', x.url, x.cookies.chair);
      expect(after.body).toMatchObject({ version: m.version, concludedAt: m.concludedAt });
    });

    it('starting a cancelled meeting: 409, still cancelled', async () => {
      const x = await setup();
      const noReason = await call<ErrorBody>(
        'POST',
        `${x.url}/transitions`,
        x.cookies.secretary,
        { version: x.meeting.version, action: 'cancel' },
        lang,
      );
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.fields?.reason).toContain(says('lý do hủy', 'cancelled'));
      const cancelled = await call<Meeting>('POST', `${x.url}/transitions`, x.cookies.secretary, {
        version: x.meeting.version,
        action: 'cancel',
        reason: 'Lùi lịch',
      });
      const start = await call<ErrorBody>(
        'POST',
        `${x.url}/transitions`,
        x.cookies.secretary,
        { version: cancelled.body.version, action: 'start' },
        lang,
      );
      expect(start.status).toBe(409);
      expect(start.body.error.code).toBe('meeting_cancelled');
      expect(start.body.error.message).toContain(says('đã bị hủy', 'was cancelled'));
      expect(start.body.error.fields).toHaveProperty('action');
      expect((await call<Meeting>('GET', x.url, x.cookies.secretary)).body.state).toBe('cancelled');
    });

    it('editing minutes or attendance after the conclusion: 409 naming the part, nothing changed', async () => {
      const x = await setup();
      await concluded(x);
      const min = await call<Minutes>('GET', `${x.url}/minutes`, x.cookies.secretary);
      const edit = await call<ErrorBody>(
        'PUT',
        `${x.url}/minutes`,
        x.cookies.secretary,
        { version: min.body.version, closing: '<p>Sửa sau</p>' },
        lang,
      );
      expect(edit.status).toBe(409);
      expect(edit.body.error.fields?.closing).toContain(says('Đã khóa', 'Locked'));
      const att = await call<Attendance>('GET', `${x.url}/attendance`, x.cookies.secretary);
      const mark = await call<ErrorBody>(
        'PUT',
        `${x.url}/attendance`,
        x.cookies.secretary,
        { version: att.body.version, units: [{ unitId: x.s.unit.id, attendance: 'present' }] },
        lang,
      );
      expect(mark.status).toBe(409);
      expect(mark.body.error.fields?.units).toContain(says('Đã khóa', 'Locked'));
      expect(
        (await call<Minutes>('GET', `${x.url}/minutes`, x.cookies.secretary)).body,
      ).toMatchObject({
        version: min.body.version,
        closing: '',
      });
      expect(
        (await call<Attendance>('GET', `${x.url}/attendance`, x.cookies.secretary)).body.units[0]!
          .attendance,
      ).toBe('unknown');
    });

    it('a negative or absurd duration: 400 saying the bound (0 < d ≤ 8 h)', async () => {
      const x = await setup();
      const a = await call<Agenda>('GET', `${x.url}/agenda`, x.cookies.secretary);
      for (const plannedSeconds of [-300, 0, 8 * 3600 + 1, 2_000_000_000]) {
        const r = await call<ErrorBody>(
          'PUT',
          `${x.url}/agenda`,
          x.cookies.secretary,
          { version: a.body.version, items: [{ kind: 'free', title: 'Khai mạc', plannedSeconds }] },
          lang,
        );
        expect(r.status).toBe(400);
        expect(r.body.error.fields?.['items.0.plannedSeconds']).toBe(
          says(
            'Thời lượng phải lớn hơn 0 và không quá 8 giờ (28800 giây).',
            'The duration must be more than 0 and at most 8 hours (28800 seconds).',
          ),
        );
      }
      const warning = await call<ErrorBody>(
        'PUT',
        x.url,
        x.cookies.secretary,
        { version: x.meeting.version, warningSeconds: -5 },
        lang,
      );
      expect(warning.body.error.fields?.warningSeconds).toContain('1800');
      const after = await call<Agenda>('GET', `${x.url}/agenda`, x.cookies.secretary);
      expect(after.body).toMatchObject({ version: a.body.version });
      expect(after.body.items).toHaveLength(a.body.items.length);
    });

    it('a speaker of a unit not invited: 400 naming the unit field', async () => {
      const x = await setup();
      const outsider = await buildReportSetup(db());
      const a = await call<Agenda>('GET', `${x.url}/agenda`, x.cookies.secretary);
      const agenda = await call<ErrorBody>(
        'PUT',
        `${x.url}/agenda`,
        x.cookies.secretary,
        {
          version: a.body.version,
          items: [{ kind: 'unit', unitId: outsider.unit.id, plannedSeconds: 300 }],
        },
        lang,
      );
      expect(agenda.status).toBe(400);
      expect(agenda.body.error.fields?.['items.0.unitId']).toBe(
        says('Đơn vị này không được mời dự hội nghị.', 'This unit is not invited to the meeting.'),
      );
      await started(x);
      const extra = await call<ErrorBody>(
        'POST',
        `${x.url}/agenda/extra`,
        x.cookies.secretary,
        { unitId: outsider.unit.id, plannedSeconds: 120 },
        lang,
      );
      expect(extra.status).toBe(400);
      expect(extra.body.error.fields).toHaveProperty('unitId');
      const after = await call<Agenda>('GET', `${x.url}/agenda`, x.cookies.secretary);
      expect(after.body.items.map((i) => i.id)).toEqual(a.body.items.map((i) => i.id));
    });

    it('a meeting for a closed period: 409 naming periodId, nothing created', async () => {
      const s = await buildReportSetup(db());
      const secretary = await loginCookie(app, s.accounts.secretary.username);
      await db()
        .updateTable('report_periods')
        .set({ status: 'closed' })
        .where('id', '=', s.period.id)
        .execute();
      const r = await call<ErrorBody>(
        'POST',
        '/meetings',
        secretary,
        {
          periodId: s.period.id,
          startsAt: '2017-10-11T08:00:00+07:00',
          plannedEndAt: '2017-10-11T11:00:00+07:00',
          place: 'Hội trường',
        },
        lang,
      );
      expect(r.status).toBe(409);
      expect(r.body.error.message).toContain(s.period.name);
      expect(r.body.error.message).toContain(says('đã khóa', 'is closed'));
      expect(r.body.error.fields).toHaveProperty('periodId');
      const list = await call<{ items: unknown[] }>(
        'GET',
        `/meetings?periodId=${s.period.id}`,
        secretary,
      );
      expect(list.body.items).toEqual([]);
      const backwards = await call<ErrorBody>(
        'POST',
        '/meetings',
        secretary,
        {
          periodId: s.period.id,
          startsAt: '2017-10-11T08:00:00+07:00',
          plannedEndAt: '2017-10-11T07:00:00+07:00',
          place: 'Hội trường',
        },
        lang,
      );
      expect(backwards.status).toBeGreaterThanOrEqual(400);
    });

    it('a stale save of the minutes: 409 with the current text, nothing lost', async () => {
      const x = await setup();
      const read = await call<Minutes>('GET', `${x.url}/minutes`, x.cookies.secretary);
      const first = await call<Minutes>('PUT', `${x.url}/minutes`, x.cookies.secretary, {
        version: read.body.version,
        closing: '<p>Bản của thư ký thứ nhất.</p>',
      });
      expect(first.status).toBe(200);
      const second = await call<ErrorBody>(
        'PUT',
        `${x.url}/minutes`,
        x.cookies.secretary,
        { version: read.body.version, closing: '<p>Bản thứ hai.</p>' },
        lang,
      );
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('conflict');
      expect(second.body.error.message).toContain(says('Biên bản hội nghị', 'The minutes'));
      expect(second.body.error.fields?.version).toContain(String(first.body.version));
      expect(second.body.error.current).toMatchObject({
        version: first.body.version,
        closing: '<p>Bản của thư ký thứ nhất.</p>',
      });
      const now = await call<Minutes>('GET', `${x.url}/minutes`, x.cookies.secretary);
      expect(now.body.closing).toBe('<p>Bản của thư ký thứ nhất.</p>');
    });

    it('answers with the field for bad speaker actions and answers', async () => {
      const x = await setup();
      const notStarted = await call<ErrorBody>(
        'POST',
        `${x.url}/speaker`,
        x.cookies.secretary,
        { action: 'next' },
        lang,
      );
      expect(notStarted.status).toBe(409);
      expect(notStarted.body.error.message).toContain(says('chưa bắt đầu', 'has not started'));
      const early = await call<ErrorBody>(
        'PUT',
        `${x.url}/units/${x.s.unit.id}/response`,
        x.cookies.reporter,
        { response: 'confirmed', attendeeKind: 'delegate' },
        lang,
      );
      expect(early.status).toBe(409);
      expect(early.body.error.message).toContain(
        says('Giấy mời chưa được gửi', 'has not been sent'),
      );
      await call('POST', `${x.url}/invitation`, x.cookies.secretary, {
        version: x.meeting.version,
      });
      const nameless = await call<ErrorBody>(
        'PUT',
        `${x.url}/units/${x.s.unit.id}/response`,
        x.cookies.reporter,
        { response: 'confirmed', attendeeKind: 'delegate' },
        lang,
      );
      expect(nameless.status).toBe(400);
      expect(nameless.body.error.fields?.name).toBe(
        says('Cần ghi họ tên người được cử đi thay.', 'Name the delegate.'),
      );
      await started({
        ...x,
        meeting: (await call<Meeting>('GET', x.url, x.cookies.secretary)).body,
      });
      const pause = await call<ErrorBody>(
        'POST',
        `${x.url}/speaker`,
        x.cookies.secretary,
        { action: 'pause' },
        lang,
      );
      expect(pause.status).toBe(409);
      expect(pause.body.error.message).toBe(
        says('Hiện không có ai đang phát biểu.', 'Nobody is speaking now.'),
      );
      const lateAnswer = await call<ErrorBody>(
        'PUT',
        `${x.url}/units/${x.s.unit.id}/response`,
        x.cookies.reporter,
        { response: 'declined', reason: 'Bận' },
        lang,
      );
      expect(lateAnswer.status).toBe(409);
      expect(lateAnswer.body.error.fields).toHaveProperty('response');
    });
  });
});
