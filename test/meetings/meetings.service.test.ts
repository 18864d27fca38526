import { expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Database } from '../../src/db/database.ts';
import * as agenda from '../../src/meetings/agenda.service.ts';
import * as attendance from '../../src/meetings/attendance.service.ts';
import * as conclusion from '../../src/meetings/conclusion.service.ts';
import * as meetings from '../../src/meetings/meetings.service.ts';
import * as minutes from '../../src/meetings/minutes.service.ts';
import { projectorState, speakerAction } from '../../src/meetings/running.service.ts';
import { readMeetingSummary } from '../../src/meetings/summary.service.ts';
import { transitionMeeting } from '../../src/meetings/transitions.service.ts';
import * as reports from '../../src/reports/reports.service.ts';
import { transitionReport } from '../../src/reports/workflow.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { failure } from '../../src/test-support/factories.ts';
import { buildReportSetup } from '../../src/test-support/report-factories.ts';
import type { Ctx } from '../../src/units/roles.ts';

const at = (ctx: Ctx, iso: string): Ctx => ({ ...ctx, now: fixedClock(iso) });

async function auditCount(db: Database, entityType: string) {
  const rows = await db
    .selectFrom('audit_log')
    .select('id')
    .where('entity_type', '=', entityType)
    .execute();
  return rows.length;
}

describeEachEngine('meetings', (db) => {
  async function setup() {
    const s = await buildReportSetup(db());
    const sec = at(s.ctx.secretary, '2017-10-02T03:00:00Z');
    const meeting = await meetings.createMeeting(db(), sec, {
      periodId: s.period.id,
      startsAt: '2017-10-11T08:00:00+07:00',
      plannedEndAt: '2017-10-11T11:00:00+07:00',
      place: 'Hội trường Thị ủy',
      guests: [{ name: 'Trần Văn Khách', position: 'Phó Chủ tịch', organization: 'UBND thị xã' }],
    });
    return { s, sec, meeting };
  }

  it('plans a meeting with the defaults: title, chair, the period units in order, an agenda', async () => {
    const { s, meeting } = await setup();
    expect(meeting.title).toBe(`Hội nghị giao ban khối Đảng, đoàn thể ${s.period.name}`);
    expect(meeting.chair?.accountId).toBe(s.accounts.chair.id);
    expect(meeting.secretary?.accountId).toBe(s.accounts.secretary.id);
    expect(meeting.units.map((u) => u.unitId)).toEqual([s.unit.id, s.other.id]);
    expect(meeting.state).toBe('planned');
    expect(meeting.plannedSeconds).toBe(3 * 3600);
    expect(meeting.startsAt).toBe('2017-10-11T01:00:00.000Z');
    expect(meeting.guests).toMatchObject([{ name: 'Trần Văn Khách', present: false }]);
    expect(meeting.actions).toEqual(
      expect.arrayContaining(['edit', 'send_invitation', 'start', 'cancel', 'edit_agenda']),
    );
    expect(meeting.actions).not.toContain('conclude');

    const a = await agenda.getAgenda(db(), s.ctx.secretary, meeting.id);
    expect(a.items.map((it) => it.title)).toEqual([
      'Khai mạc',
      'Báo cáo tổng hợp',
      s.unit.name,
      s.other.name,
      'Thảo luận',
      'Kết luận',
    ]);
    expect(a.plannedSeconds).toBeLessThanOrEqual(a.meetingSeconds);
    expect(a.warnings).toEqual([]);
    expect(await auditCount(db(), 'meeting')).toBeGreaterThan(0);
  });

  it('sends the invitation, warns when notice is short, and takes the units’ answers', async () => {
    const { s, meeting } = await setup();
    const late = await meetings.sendInvitation(
      db(),
      at(s.ctx.secretary, '2017-10-09T03:00:00Z'),
      meeting.id,
      { version: meeting.version },
    );
    // Monday 9 Oct → Wednesday 11 Oct: Tuesday and Wednesday only.
    expect(late.invitationNoticeDays).toBe(2);
    expect(late.invitationLate).toBe(true);
    expect(late.warnings.map((w) => w.code)).toEqual(['invitation_late']);
    const onTime = await meetings.sendInvitation(
      db(),
      at(s.ctx.secretary, '2017-10-05T03:00:00Z'),
      meeting.id,
      { version: late.version },
      'en',
    );
    expect(onTime.invitationNoticeDays).toBe(4);
    expect(onTime.warnings).toEqual([]);

    // The reporter of the unit answers for it; not for the other unit.
    const confirmed = await meetings.respondToInvitation(
      db(),
      s.ctx.reporter,
      meeting.id,
      s.unit.id,
      {
        response: 'confirmed',
        attendeeKind: 'delegate',
        name: 'Lê Thị Cử',
        position: 'Phó Chủ tịch Hội',
      },
    );
    expect(confirmed.units[0]).toMatchObject({
      response: 'confirmed',
      attendeeKind: 'delegate',
      attendeeName: 'Lê Thị Cử',
      attendance: 'delegate',
    });
    expect(
      (
        await failure(
          meetings.respondToInvitation(db(), s.ctx.reporter, meeting.id, s.other.id, {
            response: 'declined',
            reason: 'x',
          }),
        )
      ).status,
    ).toBe(403);
    const noReason = await failure(
      meetings.respondToInvitation(db(), s.ctx.otherReporter, meeting.id, s.other.id, {
        response: 'declined',
      }),
    );
    expect(noReason.fields).toHaveProperty('reason');
    const declined = await meetings.respondToInvitation(
      db(),
      s.ctx.otherReporter,
      meeting.id,
      s.other.id,
      { response: 'declined', reason: 'Trùng lịch đại hội' },
    );
    expect(declined.responses).toEqual({ confirmed: 1, declined: 1, none: 0 });
    // The delegate speaks for the unit by default.
    const a = await agenda.getAgenda(db(), s.ctx.secretary, meeting.id);
    expect(a.items[2]).toMatchObject({ speakerName: 'Lê Thị Cử', speakerFromConfirmation: true });
    // Pre-filled attendance.
    const att = await attendance.getAttendance(db(), s.ctx.secretary, meeting.id);
    expect(att.totals).toMatchObject({ delegate: 1, absent: 1, unknown: 0, guests: 1 });
    expect(att.units[1]).toMatchObject({
      attendance: 'absent',
      absenceReason: 'Trùng lịch đại hội',
    });
  });

  it('saves a reordered agenda, warns when it runs over, refuses bad durations and uninvited speakers', async () => {
    const { s, meeting } = await setup();
    const a = await agenda.getAgenda(db(), s.ctx.secretary, meeting.id);
    const items = a.items.map((it) => ({
      id: it.id,
      kind: it.kind,
      unitId: it.unitId,
      title: it.title,
      plannedSeconds: it.plannedSeconds,
    }));
    const reordered = [items[0]!, items[1]!, items[3]!, items[2]!, items[4]!];
    const saved = await agenda.saveAgenda(db(), s.ctx.secretary, meeting.id, {
      version: a.version,
      items: [...reordered, { kind: 'free', title: 'Phát biểu chỉ đạo', plannedSeconds: 4 * 3600 }],
    });
    expect(saved.items.map((it) => it.title)).toEqual([
      'Khai mạc',
      'Báo cáo tổng hợp',
      s.other.name,
      s.unit.name,
      'Thảo luận',
      'Phát biểu chỉ đạo',
    ]);
    expect(saved.version).toBe(a.version + 1);
    expect(saved.warnings.map((w) => w.code)).toEqual(['agenda_over_length']);

    const negative = await failure(
      agenda.saveAgenda(db(), s.ctx.secretary, meeting.id, {
        version: saved.version,
        items: [{ kind: 'free', title: 'Âm', plannedSeconds: -60 }],
      }),
    );
    expect(negative.fields?.['items.0.plannedSeconds']).toMatchObject({ rule: 'duration' });
    const absurd = await failure(
      agenda.saveAgenda(db(), s.ctx.secretary, meeting.id, {
        version: saved.version,
        items: [{ kind: 'free', title: 'Dài', plannedSeconds: 8 * 3600 + 1 }],
      }),
    );
    expect(absurd.fields?.['items.0.plannedSeconds']).toMatchObject({ rule: 'duration' });
    const outsider = await buildReportSetup(db());
    const uninvited = await failure(
      agenda.saveAgenda(db(), s.ctx.secretary, meeting.id, {
        version: saved.version,
        items: [{ kind: 'unit', unitId: outsider.unit.id, plannedSeconds: 300 }],
      }),
    );
    expect(uninvited.fields?.['items.0.unitId']).toMatchObject({ rule: 'notInvited' });
    const stale = await failure(
      agenda.saveAgenda(db(), s.ctx.secretary, meeting.id, { version: a.version, items: [] }),
    );
    expect(stale.status).toBe(409);
    // Nothing changed by the refusals.
    expect((await agenda.getAgenda(db(), s.ctx.secretary, meeting.id)).items).toHaveLength(6);
  });

  it('runs the speakers: begin, pause, resume, next, an extra speaker, the projector and the totals', async () => {
    const { s, meeting } = await setup();
    const sec = (iso: string) => at(s.ctx.secretary, iso);
    const started = await transitionMeeting(db(), sec('2017-10-11T01:00:00Z'), meeting.id, {
      version: meeting.version,
      action: 'start',
    });
    expect(started.state).toBe('in_progress');
    expect(started.startedAt).toBe('2017-10-11T01:00:00.000Z');
    // The summary is frozen at the start.
    expect((await readMeetingSummary(db(), s.ctx.secretary, meeting.id)).frozenAt).toBe(
      '2017-10-11T01:00:00.000Z',
    );

    let a = await speakerAction(db(), sec('2017-10-11T01:00:00Z'), meeting.id, { action: 'next' });
    expect(a.currentItemId).toBe(a.items[0]!.id);
    a = await speakerAction(db(), sec('2017-10-11T01:04:00Z'), meeting.id, { action: 'next' });
    expect(a.items[0]).toMatchObject({ status: 'done', spentSeconds: 240 });
    a = await speakerAction(db(), sec('2017-10-11T01:10:00Z'), meeting.id, { action: 'pause' });
    expect(a.items[1]!.status).toBe('paused');
    const paused = await projectorState(db(), sec('2017-10-11T01:12:00Z'), meeting.id);
    expect(paused.current).toMatchObject({
      title: 'Báo cáo tổng hợp',
      pausedAt: '2017-10-11T01:10:00.000Z',
      pausedMs: 0,
    });
    a = await speakerAction(db(), sec('2017-10-11T01:13:00Z'), meeting.id, { action: 'resume' });
    expect(a.items[1]).toMatchObject({ status: 'current', pausedMs: 180_000 });
    a = await speakerAction(db(), sec('2017-10-11T01:20:00Z'), meeting.id, { action: 'next' });
    // 01:04 → 01:20 with three minutes paused: 13 minutes spoken.
    expect(a.items[1]).toMatchObject({ status: 'done', spentSeconds: 13 * 60 });
    expect(a.items[2]).toMatchObject({ status: 'current', unitId: s.unit.id });

    a = await agenda.addExtraSpeaker(db(), sec('2017-10-11T01:21:00Z'), meeting.id, {
      unitId: s.other.id,
      plannedSeconds: 120,
      speakerName: 'Phạm Văn Thêm',
    });
    expect(a.items[3]).toMatchObject({
      extra: true,
      unitId: s.other.id,
      speakerName: 'Phạm Văn Thêm',
    });
    const outsider = await buildReportSetup(db());
    const notInvited = await failure(
      agenda.addExtraSpeaker(db(), s.ctx.secretary, meeting.id, {
        unitId: outsider.unit.id,
        plannedSeconds: 120,
      }),
    );
    expect(notInvited.fields?.unitId).toMatchObject({ rule: 'notInvited' });

    const screen = await projectorState(db(), sec('2017-10-11T01:22:00Z'), meeting.id);
    expect(screen.current).toMatchObject({
      unitName: s.unit.name,
      startedAt: '2017-10-11T01:20:00.000Z',
    });
    expect(screen.next.map((n) => n.speakerName)).toEqual(['Phạm Văn Thêm', null]);
    expect(screen.next).toHaveLength(2);
    expect(screen.totals).toMatchObject({ items: 7, done: 2, spentSeconds: 240 + 13 * 60 + 120 });

    // Spoken items cannot be removed from the agenda.
    const spoken = await failure(
      agenda.saveAgenda(db(), s.ctx.secretary, meeting.id, { version: a.version, items: [] }),
    );
    expect(spoken.fields).toHaveProperty('items');
    expect(await auditCount(db(), 'meeting_speaker')).toBeGreaterThan(0);
  });

  it('keeps the minutes over versions: a stale save is refused with the current text', async () => {
    const { s, meeting } = await setup();
    const m = await minutes.getMinutes(db(), s.ctx.secretary, meeting.id);
    expect(m.prefill).toMatchObject({
      place: 'Hội trường Thị ủy',
      chair: { accountId: s.accounts.chair.id },
    });
    expect(m.speeches).toHaveLength(6);
    const first = await minutes.saveMinutes(db(), s.ctx.secretary, meeting.id, {
      version: m.version,
      speeches: [
        { itemId: m.speeches[2]!.itemId, html: '<p>Báo cáo <script>x</script>kết quả.</p>' },
      ],
      closing: '<p>Bế mạc.</p>',
    });
    expect(first.speeches[2]!.html).toBe('<p>Báo cáo kết quả.</p>');
    const stale = await failure(
      minutes.saveMinutes(db(), s.ctx.secretary, meeting.id, {
        version: m.version,
        closing: '<p>Bản khác.</p>',
      }),
    );
    expect(stale.status).toBe(409);
    expect(stale.extra.current).toMatchObject({
      closing: '<p>Bế mạc.</p>',
      version: first.version,
    });
    // An invited unit does not read the minutes before the conclusion.
    expect((await failure(minutes.getMinutes(db(), s.ctx.reporter, meeting.id))).status).toBe(403);
  });

  it('concludes once, on the chair’s behalf when the secretariat does it; then minutes and attendance are locked', async () => {
    const { s, meeting } = await setup();
    // Proposals raised in a sent report.
    const r = await reports.saveReport(db(), s.ctx.reporter, s.report.id, {
      version: 1,
      sections: { ket_qua: '<p>Kết quả.</p>' },
      values: [],
      proposals: [{ text: 'Đề nghị hỗ trợ kinh phí.' }],
    });
    const sent = await transitionReport(db(), s.ctx.reporter, s.report.id, {
      version: r.version,
      action: 'send',
    });
    await transitionReport(db(), s.ctx.head, s.report.id, {
      version: sent.version,
      action: 'approve',
    });

    const started = await transitionMeeting(db(), s.ctx.secretary, meeting.id, {
      version: meeting.version,
      action: 'start',
    });
    let c = await conclusion.getConclusion(db(), s.ctx.chair, meeting.id);
    expect(c.proposals).toMatchObject([{ text: 'Đề nghị hỗ trợ kinh phí.', answer: null }]);
    c = await conclusion.saveConclusion(db(), s.ctx.chair, meeting.id, {
      version: c.version,
      acknowledged: '<p>Các đơn vị đã <b>hoàn thành</b> tốt.</p><img src=x onerror=alert(1)>',
      shortcomings: '<p>Một số báo cáo nộp muộn.</p>',
      directives: [
        {
          text: 'Tập trung mọi nguồn lực cho dự án phường Đồng Kỵ.',
          leadUnitId: s.unit.id,
          coordinatingUnitIds: [s.other.id],
          deadline: '2017-12-31',
        },
        { text: 'Đẩy mạnh tuyên truyền các ngày lễ lớn.' },
      ],
    });
    expect(c.acknowledged).toBe('<p>Các đơn vị đã <b>hoàn thành</b> tốt.</p>');
    expect(c.directives).toMatchObject([
      {
        position: 1,
        leadUnitId: s.unit.id,
        coordinatingUnits: [{ unitId: s.other.id }],
        deadline: '2017-12-31',
      },
      { position: 2, leadUnitId: null },
    ]);
    const reordered = await conclusion.saveConclusion(db(), s.ctx.chair, meeting.id, {
      version: c.version,
      directives: [
        { id: c.directives[1]!.id, text: c.directives[1]!.text },
        { id: c.directives[0]!.id, text: c.directives[0]!.text, leadUnitId: s.unit.id },
      ],
    });
    // Ids are kept: the tasks feature links to them.
    expect(reordered.directives.map((d) => d.id)).toEqual([
      c.directives[1]!.id,
      c.directives[0]!.id,
    ]);
    const answered = await conclusion.answerProposal(
      db(),
      s.ctx.chair,
      meeting.id,
      c.proposals[0]!.id,
      {
        version: c.proposals[0]!.version,
        answer: 'Thường trực Thị ủy giao Văn phòng bố trí kinh phí.',
      },
    );
    expect(answered.proposals[0]).toMatchObject({
      answeredInMeeting: true,
      answer: 'Thường trực Thị ủy giao Văn phòng bố trí kinh phí.',
    });

    const concluded = await transitionMeeting(db(), s.ctx.secretary, meeting.id, {
      version: started.version,
      action: 'conclude',
    });
    expect(concluded).toMatchObject({
      state: 'concluded',
      concludedByName: s.accounts.secretary.full_name,
      onBehalfOfName: s.accounts.chair.full_name,
    });
    const twice = await failure(
      transitionMeeting(db(), s.ctx.chair, meeting.id, {
        version: concluded.version,
        action: 'conclude',
      }),
    );
    expect(twice).toMatchObject({ status: 409, code: 'meeting_concluded' });
    const m = await minutes.getMinutes(db(), s.ctx.reporter, meeting.id);
    expect(m.locked).toBe(true);
    expect(
      (
        await failure(
          minutes.saveMinutes(db(), s.ctx.secretary, meeting.id, {
            version: m.version,
            closing: 'x',
          }),
        )
      ).code,
    ).toBe('meeting_concluded');
    const att = await attendance.getAttendance(db(), s.ctx.secretary, meeting.id);
    expect(
      (
        await failure(
          attendance.saveAttendance(db(), s.ctx.secretary, meeting.id, {
            version: att.version,
            units: [{ unitId: s.unit.id, attendance: 'present' }],
          }),
        )
      ).code,
    ).toBe('meeting_concluded');
    // The invited unit reads the conclusion now.
    expect(
      (await conclusion.getConclusion(db(), s.ctx.reporter, meeting.id)).directives,
    ).toHaveLength(2);
  });

  it('cancels only with a reason and never starts a cancelled meeting; refuses a closed period', async () => {
    const { s, meeting } = await setup();
    const noReason = await failure(
      transitionMeeting(db(), s.ctx.secretary, meeting.id, {
        version: meeting.version,
        action: 'cancel',
      }),
    );
    expect(noReason.fields).toHaveProperty('reason');
    const cancelled = await transitionMeeting(db(), s.ctx.secretary, meeting.id, {
      version: meeting.version,
      action: 'cancel',
      reason: 'Lùi lịch',
    });
    expect(cancelled).toMatchObject({
      state: 'cancelled',
      cancelReason: 'Lùi lịch',
      actions: ['read_minutes', 'read_conclusion'],
    });
    const start = await failure(
      transitionMeeting(db(), s.ctx.secretary, meeting.id, {
        version: cancelled.version,
        action: 'start',
      }),
    );
    expect(start).toMatchObject({ status: 409, code: 'meeting_cancelled' });
    expect(start.fields).toHaveProperty('action');

    await db()
      .updateTable('report_periods')
      .set({ status: 'closed' })
      .where('id', '=', s.period.id)
      .execute();
    const closed = await failure(
      meetings.createMeeting(db(), s.ctx.secretary, {
        periodId: s.period.id,
        startsAt: '2017-10-11T08:00:00+07:00',
        plannedEndAt: '2017-10-11T11:00:00+07:00',
        place: 'Hội trường',
      }),
    );
    expect(closed).toMatchObject({ status: 409, code: 'meeting_period_closed' });
    expect(closed.fields).toHaveProperty('periodId');
  });
  it('changes a planned meeting: invited units move the agenda with them; while running only the warning time', async () => {
    const { s, meeting } = await setup();
    const changed = await meetings.updateMeeting(db(), s.ctx.secretary, meeting.id, {
      version: meeting.version,
      unitIds: [s.other.id],
      place: 'Phòng họp số 2',
      guests: [],
    });
    expect(changed).toMatchObject({ place: 'Phòng họp số 2', guests: [] });
    expect(changed.units.map((u) => u.unitId)).toEqual([s.other.id]);
    let a = await agenda.getAgenda(db(), s.ctx.secretary, meeting.id);
    expect(a.items.filter((it) => it.kind === 'unit').map((it) => it.unitId)).toEqual([s.other.id]);
    const back = await meetings.updateMeeting(db(), s.ctx.secretary, meeting.id, {
      version: changed.version,
      unitIds: [s.unit.id, s.other.id],
    });
    a = await agenda.getAgenda(db(), s.ctx.secretary, meeting.id);
    expect(a.items.map((it) => it.unitId)).toEqual([null, null, s.other.id, s.unit.id, null, null]);
    expect(back.units.map((u) => u.unitId)).toEqual([s.unit.id, s.other.id]);

    const running = await transitionMeeting(db(), s.ctx.secretary, meeting.id, {
      version: back.version,
      action: 'start',
    });
    const place = await failure(
      meetings.updateMeeting(db(), s.ctx.secretary, meeting.id, {
        version: running.version,
        place: 'Nơi khác',
      }),
    );
    expect(place).toMatchObject({ status: 409, code: 'meeting_started' });
    expect(place.fields).toHaveProperty('place');
    const warned = await meetings.updateMeeting(db(), s.ctx.secretary, meeting.id, {
      version: running.version,
      warningSeconds: 120,
    });
    expect(warned.warningSeconds).toBe(120);
    expect((await projectorState(db(), s.ctx.secretary, meeting.id)).warningSeconds).toBe(120);
    // The chair reads and concludes but does not run the meeting.
    expect(
      (await failure(speakerAction(db(), s.ctx.chair, meeting.id, { action: 'next' }))).status,
    ).toBe(403);
  });

  it('takes the head’s name from the head’s account when the unit confirms its head', async () => {
    const { s, meeting } = await setup();
    const sent = await meetings.sendInvitation(db(), s.ctx.secretary, meeting.id, {
      version: meeting.version,
    });
    const answered = await meetings.respondToInvitation(db(), s.ctx.head, sent.id, s.unit.id, {
      response: 'confirmed',
    });
    expect(answered.units[0]).toMatchObject({
      attendeeKind: 'head',
      attendeeName: s.accounts.head.full_name,
      attendance: 'present',
      respondedByName: s.accounts.head.full_name,
    });
  });
});
