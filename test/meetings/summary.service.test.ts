import { expect, it } from 'vitest';
import {
  buildCompiledSummary,
  freezeSummary,
  readMeetingSummary,
} from '../../src/meetings/summary.service.ts';
import * as agenda from '../../src/meetings/agenda.service.ts';
import * as meetings from '../../src/meetings/meetings.service.ts';
import { transitionMeeting } from '../../src/meetings/transitions.service.ts';
import * as proposals from '../../src/reports/proposals.service.ts';
import * as progress from '../../src/reports/progress.service.ts';
import * as reports from '../../src/reports/reports.service.ts';
import { transitionReport } from '../../src/reports/workflow.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildUnit } from '../../src/test-support/factories.ts';
import { buildReportSetup } from '../../src/test-support/report-factories.ts';

describeEachEngine('compiled summary', (db) => {
  async function setup() {
    const s = await buildReportSetup(db());
    await progress.setTargets(db(), s.ctx.secretary, {
      year: 2017,
      items: [
        { unitId: s.unit.id, indicatorId: s.indicators.fund.id, value: 200 },
        { unitId: s.other.id, indicatorId: s.indicators.fund.id, value: 100 },
      ],
    });
    const html =
      '<h2>Kết quả</h2><p>Vận động được <strong>150 triệu đồng</strong> cho Quỹ.</p><ul><li>Một</li></ul>';
    let r = await reports.saveReport(db(), s.ctx.reporter, s.report.id, {
      version: 1,
      sections: { ket_qua: html },
      values: [{ indicatorId: s.indicators.fund.id, value: 150 }],
      proposals: [
        { text: 'Đề nghị hỗ trợ kinh phí tập huấn.' },
        { text: 'Đề nghị bổ sung biên chế.' },
      ],
    });
    const send = async (current?: typeof r) => {
      if (current) r = current;
      r = await transitionReport(db(), s.ctx.reporter, s.report.id, {
        version: r.version,
        action: 'send',
      });
      r = await transitionReport(db(), s.ctx.head, s.report.id, {
        version: r.version,
        action: 'approve',
      });
      return r;
    };
    return { s, html, send, report: () => r };
  }

  it('follows a report as it arrives: missing while a draft, marked when submitted, then accepted', async () => {
    const { s, html, send } = await setup();
    const input = { periodId: s.period.id, unitIds: [s.other.id, s.unit.id] };
    let sum = await buildCompiledSummary(db(), s.ctx.secretary, input);
    expect(sum.units.map((u) => [u.position, u.unitId, u.status, u.missingReason])).toEqual([
      [1, s.other.id, 'missing', 'draft'],
      [2, s.unit.id, 'missing', 'draft'],
    ]);
    // A draft is never shown: neither its sections, its proposals nor its values.
    expect(sum.units[1]!.sections).toEqual([]);
    expect(sum.proposals).toEqual([]);
    expect(sum.units[1]!.figures.rows).toEqual([
      {
        indicatorId: s.indicators.fund.id,
        target: 200,
        actual: null,
        percent: null,
        status: 'no_data',
      },
    ]);
    expect(sum.missing.map((m) => m.unitId)).toEqual([s.other.id, s.unit.id]);

    await send();
    sum = await buildCompiledSummary(db(), s.ctx.secretary, input);
    const mine = sum.units[1]!;
    expect(mine).toMatchObject({
      status: 'submitted',
      reportState: 'submitted',
      reportId: s.report.id,
    });
    // The stored, sanitized HTML as it is.
    expect(mine.sections.find((x) => x.key === 'ket_qua')!.html).toBe(html);
    expect(mine.sections.map((x) => x.title).every((t) => t.length > 0)).toBe(true);
    expect(mine.figures.rows).toMatchObject([
      { indicatorId: s.indicators.fund.id, target: 200, actual: 150, percent: 75 },
    ]);
    expect(sum.counts).toEqual({ units: 2, accepted: 0, submitted: 1, missing: 1 });
    expect(sum.missing).toEqual([{ unitId: s.other.id, unitName: s.other.name, reason: 'draft' }]);
    expect(sum.proposals.map((p) => [p.unitId, p.text, p.answer])).toEqual([
      [s.unit.id, 'Đề nghị hỗ trợ kinh phí tập huấn.', null],
      [s.unit.id, 'Đề nghị bổ sung biên chế.', null],
    ]);
    // The indicator table is the progress service's, for the invited units.
    const table = await progress.progressTable(db(), 2017, {
      unitIds: input.unitIds,
      asOf: s.period.endDate,
    });
    const total = table.totals.find((t) => t.indicatorId === s.indicators.fund.id)!;
    expect(sum.indicators.items.find((i) => i.indicatorId === s.indicators.fund.id)).toMatchObject({
      target: total.target,
      actual: total.actual,
      percent: total.percent,
    });
    expect(sum.indicators.counted).toEqual(['submitted', 'accepted']);

    const r = await reports.getReport(db(), s.ctx.secretary, s.report.id);
    await transitionReport(db(), s.ctx.secretary, s.report.id, {
      version: r.version,
      action: 'accept',
    });
    sum = await buildCompiledSummary(db(), s.ctx.secretary, input);
    expect(sum.units[1]).toMatchObject({ status: 'accepted' });
    expect(sum.units[1]!.acceptedAt).not.toBeNull();
    expect(sum.counts).toEqual({ units: 2, accepted: 1, submitted: 0, missing: 1 });
  });

  it('shows the answers given so far, and a returned report as missing', async () => {
    const { s, send } = await setup();
    const sent = await send();
    const first = sent.proposals[0]!;
    await proposals.answerProposal(db(), s.ctx.chair, first.id, {
      version: first.version,
      answer: 'Thường trực đồng ý bố trí kinh phí trong Quý IV.',
    });
    const input = { periodId: s.period.id, unitIds: [s.unit.id] };
    let sum = await buildCompiledSummary(db(), s.ctx.chair, input);
    expect(sum.proposals.map((p) => [p.text, p.answer, p.answeredByName !== null])).toEqual([
      [
        'Đề nghị hỗ trợ kinh phí tập huấn.',
        'Thường trực đồng ý bố trí kinh phí trong Quý IV.',
        true,
      ],
      ['Đề nghị bổ sung biên chế.', null, false],
    ]);
    await transitionReport(db(), s.ctx.secretary, s.report.id, {
      version: sent.version,
      action: 'return',
      comment: 'Bổ sung số liệu.',
    });
    sum = await buildCompiledSummary(db(), s.ctx.chair, input);
    expect(sum.units[0]).toMatchObject({
      status: 'missing',
      missingReason: 'returned',
      sections: [],
    });
    expect(sum.proposals).toEqual([]);
    expect(sum.units[0]!.figures.rows[0]).toMatchObject({ actual: null });
  });

  it('lists a unit without a report in the period as missing, and refuses an unknown unit', async () => {
    const { s } = await setup();
    const outside = await buildUnit(db(), { parentId: s.convener.id, name: 'Đơn vị ngoài kỳ' });
    const sum = await buildCompiledSummary(db(), s.ctx.secretary, {
      periodId: s.period.id,
      unitIds: [outside.id, s.unit.id],
    });
    expect(sum.units.map((u) => [u.unitName, u.status, u.missingReason, u.reportId])).toEqual([
      ['Đơn vị ngoài kỳ', 'missing', 'no_report', null],
      [s.unit.name, 'missing', 'draft', s.report.id],
    ]);
    await expect(
      buildCompiledSummary(db(), s.ctx.secretary, {
        periodId: s.period.id,
        unitIds: [s.unit.id, 999999],
      }),
    ).rejects.toMatchObject({ status: 400, fields: { 'unitIds.1': { rule: 'notFound' } } });
  });

  it('freezes the summary in agenda order at start: later edits and answers leave it as presented', async () => {
    const { s, send } = await setup();
    let r = await send();
    const planned = await meetings.createMeeting(db(), s.ctx.secretary, {
      periodId: s.period.id,
      startsAt: '2017-10-11T08:00:00+07:00',
      plannedEndAt: '2017-10-11T11:00:00+07:00',
      place: 'Hội trường',
      unitIds: [s.unit.id, s.other.id],
    });
    const meetingId = planned.id;
    // The secretariat moves the other unit first on the agenda (drag and drop).
    const before = await agenda.getAgenda(db(), s.ctx.secretary, meetingId);
    const units = before.items.filter((i) => i.kind === 'unit');
    const free = before.items.filter((i) => i.kind === 'free');
    await agenda.saveAgenda(db(), s.ctx.secretary, meetingId, {
      version: before.version,
      items: [...free.slice(0, 2), units[1]!, units[0]!, ...free.slice(2)].map((i) => ({
        id: i.id,
        kind: i.kind,
        unitId: i.unitId,
        title: i.title,
        plannedSeconds: i.plannedSeconds,
      })),
    });
    await transitionMeeting(db(), s.ctx.secretary, meetingId, {
      version: planned.version,
      action: 'start',
    });
    // Frozen by the start, in agenda order: the other unit speaks first.
    const frozen = await readMeetingSummary(db(), s.ctx.secretary, meetingId);
    expect(frozen.summary.units.map((u) => u.unitId)).toEqual([s.other.id, s.unit.id]);
    expect(frozen.frozenAt).toBe(frozen.summary.builtAt);
    expect(frozen.frozenAt).not.toBeNull();

    // After the start the report comes back, is rewritten and sent again; a proposal is answered.
    r = await transitionReport(db(), s.ctx.secretary, s.report.id, {
      version: r.version,
      action: 'return',
      comment: 'Sửa số liệu.',
    });
    r = await transitionReport(db(), s.ctx.reporter, s.report.id, {
      version: r.version,
      action: 'reopen',
    });
    r = await reports.saveReport(db(), s.ctx.reporter, s.report.id, {
      version: r.version,
      sections: { ket_qua: '<p>Nội dung mới sau khi hội nghị đã bắt đầu.</p>' },
      values: [{ indicatorId: s.indicators.fund.id, value: 190 }],
      proposals: r.proposals.map((p) => ({ id: p.id, text: p.text })),
    });
    r = await send(r);
    const p = r.proposals[0]!;
    await proposals.answerProposal(db(), s.ctx.chair, p.id, {
      version: p.version,
      answer: 'Đồng ý.',
    });

    const live = await buildCompiledSummary(db(), s.ctx.secretary, {
      periodId: s.period.id,
      unitIds: [s.other.id, s.unit.id],
    });
    expect(live.units[1]!.sections.find((x) => x.key === 'ket_qua')!.html).toContain(
      'Nội dung mới',
    );
    expect(live.units[1]!.figures.rows[0]!.actual).toBe(190);
    expect(live.proposals[0]!.answer).toBe('Đồng ý.');

    const again = await readMeetingSummary(db(), s.ctx.secretary, meetingId);
    expect(again).toEqual(frozen);
    // Freezing again (a retried start) keeps what was presented.
    expect(await freezeSummary(db(), s.ctx.secretary, meetingId)).toEqual(frozen);
    expect(again.summary.units[1]!.sections.find((x) => x.key === 'ket_qua')!.html).toContain(
      '150 triệu',
    );
    expect(again.summary.units[1]!.figures.rows[0]!.actual).toBe(150);
    expect(again.summary.proposals[0]!.answer).toBeNull();
  });
});
