import { expect, it } from 'vitest';
import { AppError } from '../../src/http/errors.ts';
import * as board from '../../src/reports/board.service.ts';
import * as proposals from '../../src/reports/proposals.service.ts';
import * as reports from '../../src/reports/reports.service.ts';
import * as revisions from '../../src/reports/revisions.service.ts';
import { transitionReport } from '../../src/reports/workflow.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildReportSetup } from '../../src/test-support/report-factories.ts';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'ok';
}

describeEachEngine('report workflow service', (db) => {
  it("shows a draft's proposals to its unit only, in the report and the list alike, until sent", async () => {
    const s = await buildReportSetup(db(), { year: 2022 });
    const id = s.report.id;
    const saved = await reports.saveReport(db(), s.ctx.reporter, id, {
      version: 1,
      sections: {},
      values: [],
      proposals: [{ text: 'Đề nghị bổ sung kinh phí cho hội nghị tổng kết.' }],
    });
    const seen = async (ctx: typeof s.ctx.reporter) => ({
      report: (await reports.getReport(db(), ctx, id)).proposals.length,
      list: (await proposals.listProposals(db(), ctx, { periodId: s.period.id })).items.length,
    });
    expect(await seen(s.ctx.reporter)).toEqual({ report: 1, list: 1 });
    expect(await seen(s.ctx.secretary)).toEqual({ report: 0, list: 0 });
    expect(await seen(s.ctx.chair)).toEqual({ report: 0, list: 0 });
    await transitionReport(db(), s.ctx.reporter, id, { version: saved.version, action: 'send' });
    expect(await seen(s.ctx.secretary)).toEqual({ report: 1, list: 1 });
    expect(await seen(s.ctx.chair)).toEqual({ report: 1, list: 1 });
  });

  it('runs draft → approval → submitted → returned → draft → accepted, each step by its role', async () => {
    const s = await buildReportSetup(db());
    const id = s.report.id;
    let r = await reports.saveReport(db(), s.ctx.reporter, id, {
      version: 1,
      sections: { ket_qua: '<p>Đã vận động được 120 triệu đồng.</p>' },
      values: [{ indicatorId: s.indicators.fund.id, value: 120 }],
      proposals: [{ text: 'Đề nghị hỗ trợ kinh phí tập huấn.' }],
    });
    expect(r.actions).toEqual(['send']);
    // The reporter cannot approve their own unit's report; the secretariat cannot send it.
    expect(
      await codeOf(
        transitionReport(db(), s.ctx.reporter, id, { version: r.version, action: 'approve' }),
      ),
    ).toBe('403 forbidden');
    expect(
      await codeOf(
        transitionReport(db(), s.ctx.secretary, id, { version: r.version, action: 'send' }),
      ),
    ).toBe('403 forbidden');
    r = await transitionReport(db(), s.ctx.reporter, id, { version: r.version, action: 'send' });
    expect(r.state).toBe('awaiting_approval');
    expect(
      await codeOf(
        reports.saveReport(db(), s.ctx.reporter, id, {
          version: r.version,
          sections: {},
          values: [],
          proposals: [],
        }),
      ),
    ).toBe('409 report_not_editable');
    r = await transitionReport(db(), s.ctx.head, id, { version: r.version, action: 'approve' });
    expect(r).toMatchObject({ state: 'submitted', late: true }); // the 2017 deadline has long passed
    expect(
      await codeOf(
        transitionReport(db(), s.ctx.secretary, id, { version: r.version, action: 'return' }),
      ),
    ).toBe('400 validation');
    r = await transitionReport(db(), s.ctx.secretary, id, {
      version: r.version,
      action: 'return',
      comment: 'Bổ sung số liệu quỹ.',
    });
    expect(r).toMatchObject({ state: 'returned', returnComment: 'Bổ sung số liệu quỹ.' });
    r = await transitionReport(db(), s.ctx.reporter, id, { version: r.version, action: 'reopen' });
    r = await reports.saveReport(db(), s.ctx.reporter, id, {
      version: r.version,
      sections: { ket_qua: '<p>Đã vận động được 150 triệu đồng.</p>' },
      values: [{ indicatorId: s.indicators.fund.id, value: 150 }],
      proposals: r.proposals.map((p) => ({ id: p.id, text: p.text })),
    });
    r = await transitionReport(db(), s.ctx.head, id, { version: r.version, action: 'send' });
    r = await transitionReport(db(), s.ctx.head, id, { version: r.version, action: 'approve' });
    r = await transitionReport(db(), s.ctx.secretary, id, { version: r.version, action: 'accept' });
    expect(r.state).toBe('accepted');
    expect(r.events.map((e) => e.action)).toEqual([
      'send',
      'approve',
      'return',
      'reopen',
      'send',
      'approve',
      'accept',
    ]);
    expect(
      await codeOf(
        transitionReport(db(), s.ctx.secretary, id, {
          version: r.version,
          action: 'return',
          comment: 'x',
        }),
      ),
    ).toBe('409 report_wrong_state');

    // Two saves, two revisions, and a diff between them.
    const revs = await revisions.listRevisions(db(), s.ctx.secretary, id);
    expect(revs.items.map((x) => x.number)).toEqual([2, 1]);
    const diff = await revisions.diffRevisions(db(), s.ctx.chair, id, 1, 2);
    expect(
      diff.sections.find((x) => x.key === 'ket_qua')!.changes.filter((c) => c.op !== 'equal'),
    ).toEqual([
      { op: 'delete', text: '120' },
      { op: 'insert', text: '150' },
    ]);
    expect(diff.values).toMatchObject([
      { indicatorId: s.indicators.fund.id, before: 120, after: 150 },
    ]);

    const b = await board.periodBoard(db(), s.ctx.secretary, s.period.id);
    expect(b.rows.find((x) => x.unitId === s.unit.id)).toMatchObject({
      status: 'accepted',
      late: true,
    });
    expect(b.rows.find((x) => x.unitId === s.other.id)).toMatchObject({
      status: 'missing',
      overdue: true,
    });
    const sent = await board.remindMissing(db(), s.ctx.secretary, s.period.id, {});
    expect(sent.unitIds).toEqual([s.other.id]);
    const otherReport = await reports.getReport(db(), s.ctx.otherReporter, s.otherReport.id);
    expect(otherReport.reminders).toHaveLength(1);

    // The proposal is a record the committee answers.
    const list = await proposals.listProposals(db(), s.ctx.chair, { periodId: s.period.id });
    expect(list.items).toHaveLength(1);
    const answered = await proposals.answerProposal(db(), s.ctx.chair, list.items[0]!.id, {
      version: list.items[0]!.version,
      answer: 'Thị ủy giao Văn phòng bố trí.',
    });
    expect(answered).toMatchObject({
      answer: 'Thị ủy giao Văn phòng bố trí.',
      answeredByName: s.ctx.chair.actor.fullName,
    });
  });

  it('keeps a reporter of one unit out of another unit’s report', async () => {
    const s = await buildReportSetup(db());
    expect(await codeOf(reports.getReport(db(), s.ctx.otherReporter, s.report.id))).toBe(
      '403 forbidden',
    );
    expect(
      await codeOf(
        reports.saveReport(db(), s.ctx.otherReporter, s.report.id, {
          version: 1,
          sections: {},
          values: [],
          proposals: [],
        }),
      ),
    ).toBe('403 forbidden');
  });

  it('sanitizes sections and validates values, naming each field', async () => {
    const s = await buildReportSetup(db());
    const r = await reports.saveReport(db(), s.ctx.reporter, s.report.id, {
      version: 1,
      sections: {
        han_che:
          '<p onmouseover="x()">Khó <script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">đây</a></p>',
      },
      values: [],
      proposals: [],
    });
    const html = r.sections.find((x) => x.key === 'han_che')!.html;
    expect(html).toBe('<p>Khó <a rel="noopener noreferrer">đây</a></p>');
    try {
      await reports.saveReport(db(), s.ctx.reporter, s.report.id, {
        version: r.version,
        sections: { khong_co: 'x' },
        values: [],
        proposals: [],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).fields).toEqual({ 'sections.khong_co': { rule: 'unknown' } });
    }
    try {
      await reports.saveReport(db(), s.ctx.reporter, s.report.id, {
        version: r.version,
        sections: {},
        values: [
          { indicatorId: s.indicators.fund.id, value: -5 },
          { indicatorId: 999999, value: 1 },
        ],
        proposals: [{ text: '  ' }],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).fields).toEqual({
        'values.0.value': { rule: 'negative' },
        'values.1.indicatorId': { rule: 'notFound' },
      });
    }
    expect((await reports.getReport(db(), s.ctx.reporter, s.report.id)).version).toBe(r.version);
  });
});
