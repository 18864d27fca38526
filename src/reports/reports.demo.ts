import type { DemoContext } from '../demo/demo-context.ts';
import * as catalog from './catalog.service.ts';
import * as figures from './figures.repository.ts';
import * as periodsRepo from './periods.repository.ts';
import * as periods from './periods.service.ts';
import type { Aggregation } from './progress-math.ts';
import * as reports from './reports.repository.ts';
import type { ReportState } from './reports.states.ts';
import type { Ctx, UnitKind } from '../units/roles.ts';

/*
 * The reporting demo: Thị ủy Từ Sơn's quarters of 2017. Quý I and II are closed with every
 * report accepted; Quý III is open with most reports accepted, some still on their way and
 * Hội LHPN's left as a draft (the secretariat has reminded the units whose Quý III report is
 * not in yet); Quý IV has just opened. Indicators are what the bloc's work of
 * that year is measured by, with 2017 targets and Q1–Q3 figures. Texts written for the demo.
 */

interface DemoIndicator {
  code: string;
  name: string;
  measure: string;
  aggregation: Aggregation;
  /** Yearly target for a unit of scale 1. */
  base: number;
}

const INDICATORS: DemoIndicator[] = [
  {
    code: 'QUY_VNN',
    name: 'Quỹ "Vì người nghèo" vận động được',
    measure: 'triệu đồng',
    aggregation: 'sum',
    base: 200,
  },
  {
    code: 'NHA_DDK',
    name: 'Nhà đại đoàn kết, nhà tình nghĩa xây mới hoặc hỗ trợ sửa chữa',
    measure: 'nhà',
    aggregation: 'sum',
    base: 4,
  },
  {
    code: 'QUA_TANG',
    name: 'Suất quà tặng hộ nghèo, gia đình chính sách',
    measure: 'suất',
    aggregation: 'sum',
    base: 300,
  },
  {
    code: 'LOP_TH',
    name: 'Lớp tập huấn, bồi dưỡng đã tổ chức',
    measure: 'lớp',
    aggregation: 'sum',
    base: 8,
  },
  {
    code: 'NGUOI_TH',
    name: 'Hội viên, đoàn viên được tập huấn',
    measure: 'người',
    aggregation: 'sum',
    base: 600,
  },
  {
    code: 'HV_MOI',
    name: 'Hội viên, đoàn viên mới kết nạp',
    measure: 'người',
    aggregation: 'sum',
    base: 150,
  },
  {
    code: 'MH_CLB',
    name: 'Mô hình, câu lạc bộ đang hoạt động',
    measure: 'mô hình',
    aggregation: 'latest',
    base: 12,
  },
  { code: 'DV_MOI', name: 'Đảng viên mới kết nạp', measure: 'người', aggregation: 'sum', base: 20 },
  {
    code: 'KT_GS',
    name: 'Cuộc kiểm tra, giám sát tổ chức đảng và đảng viên',
    measure: 'cuộc',
    aggregation: 'sum',
    base: 10,
  },
  {
    code: 'TUYEN_TRUYEN',
    name: 'Hội nghị, buổi tuyên truyền, quán triệt đã tổ chức',
    measure: 'buổi',
    aggregation: 'sum',
    base: 16,
  },
];

const BY_KIND: Partial<Record<UnitKind, string[]>> = {
  mass_organization: ['QUY_VNN', 'NHA_DDK', 'QUA_TANG', 'LOP_TH', 'NGUOI_TH', 'HV_MOI', 'MH_CLB'],
  fatherland_front: ['QUY_VNN', 'NHA_DDK', 'QUA_TANG', 'TUYEN_TRUYEN'],
  party_board: ['TUYEN_TRUYEN', 'KT_GS', 'DV_MOI', 'LOP_TH'],
  grassroots_committee: ['DV_MOI', 'KT_GS', 'QUY_VNN', 'TUYEN_TRUYEN'],
};

const REPORTING: { key: string; kind: UnitKind; scale: number }[] = [
  { key: 'bantochuc', kind: 'party_board', scale: 1 },
  { key: 'bantuyengiao', kind: 'party_board', scale: 1.2 },
  { key: 'bandanvan', kind: 'party_board', scale: 0.8 },
  { key: 'ubkt', kind: 'party_board', scale: 1.5 },
  { key: 'mttq', kind: 'fatherland_front', scale: 3 },
  { key: 'thidoan', kind: 'mass_organization', scale: 1.2 },
  { key: 'hoiphunu', kind: 'mass_organization', scale: 1 },
  { key: 'hoinongdan', kind: 'mass_organization', scale: 0.8 },
  { key: 'hoiccb', kind: 'mass_organization', scale: 0.6 },
  { key: 'ldld', kind: 'mass_organization', scale: 0.9 },
  { key: 'dongky', kind: 'grassroots_committee', scale: 1 },
  { key: 'dongngan', kind: 'grassroots_committee', scale: 0.9 },
  { key: 'dinhbang', kind: 'grassroots_committee', scale: 1.1 },
];

/** Where each unit's Quý III report stands; the rest are accepted. */
const Q3_STATES: Record<string, ReportState> = {
  hoiphunu: 'draft',
  hoinongdan: 'submitted',
  ldld: 'returned',
  dinhbang: 'awaiting_approval',
  dongngan: 'draft',
};

const SECTION_TEXT = {
  ket_qua: (name: string, q: string) =>
    `<p>Trong ${q}, ${name} bám sát chương trình công tác của Thị ủy, nắm chắc tình hình tư tưởng cán bộ, hội viên và nhân dân trên địa bàn.</p>` +
    '<ul><li>Tuyên truyền, vận động thực hiện chủ trương giải phóng mặt bằng các dự án trọng điểm.</li>' +
    '<li>Thăm hỏi, tặng quà gia đình chính sách, hộ nghèo; phối hợp hỗ trợ xây, sửa nhà cho hộ khó khăn.</li>' +
    '<li>Duy trì sinh hoạt định kỳ, củng cố các mô hình, câu lạc bộ ở cơ sở.</li></ul>',
  han_che: () =>
    '<p>Một số cơ sở triển khai còn chậm; nội dung sinh hoạt ở nơi này nơi khác chưa phong phú; kinh phí cho hoạt động phong trào còn hạn hẹp.</p>',
  phuong_huong: () =>
    '<p>Tập trung hoàn thành các chỉ tiêu năm 2017; hưởng ứng cuộc vận động ủng hộ quỹ "Vì người nghèo"; chuẩn bị tổng kết công tác năm.</p>',
  kien_nghi: () => '<p>Kiến nghị cụ thể nêu tại danh sách kiến nghị kèm theo.</p>',
};

const PROPOSALS: Record<string, string[]> = {
  mttq: [
    'Đề nghị Thường trực Thị ủy chỉ đạo các phường đồng loạt ra quân vận động quỹ "Vì người nghèo" từ đầu tháng 10.',
  ],
  hoinongdan: [
    'Đề nghị bố trí kinh phí mở thêm hai lớp tập huấn kỹ thuật trồng trọt cho hội viên.',
  ],
  thidoan: ['Đề nghị tạo điều kiện về địa điểm sinh hoạt cho câu lạc bộ thanh niên khởi nghiệp.'],
  dongky: [
    'Đề nghị Thị ủy tiếp tục quan tâm chỉ đạo công tác giải phóng mặt bằng dự án tại phường Đồng Kỵ.',
  ],
};

/** A deterministic spread around 1, so the demo's figures differ by unit and quarter. */
function jitter(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return 0.75 + (x - Math.floor(x)) * 0.5;
}

const QUARTER_NAMES = ['Quý I', 'Quý II', 'Quý III', 'Quý IV'];
const iso = (date: string, time = '09:00') => new Date(`${date}T${time}:00+07:00`).toISOString();

export async function loadReportsDemo({ trx, unitIds, accountIds }: DemoContext): Promise<void> {
  const unit = (key: string) => unitIds.get(key)!;
  const secretaryId = accountIds.get('vanphong')!;
  const ctx: Ctx = {
    actor: {
      id: secretaryId,
      username: 'vanphong',
      fullName: 'Ngô Thị Hằng',
      roles: [{ unitId: unit('thiuy'), role: 'secretariat' }],
    },
    requestId: null,
  };
  const codes = new Map<string, { id: number; def: DemoIndicator }>();
  for (const def of INDICATORS) {
    const created = await catalog.createIndicator(trx, ctx, {
      ...def,
      higherIsBetter: true,
      allowNegative: false,
    });
    codes.set(def.code, { id: created.id, def });
  }
  const template = await catalog.createTemplate(trx, ctx, {
    unitId: unit('thiuy'),
    name: 'Báo cáo quý khối Đảng, đoàn thể',
    indicators: Object.entries(BY_KIND).map(([kind, list]) => ({
      unitKind: kind as UnitKind,
      indicatorIds: list.map((c) => codes.get(c)!.id),
    })),
  });

  // Targets for 2017.
  const targets = [...REPORTING.entries()].flatMap(([u, r]) =>
    (BY_KIND[r.kind] ?? []).map((code) => {
      const { id, def } = codes.get(code)!;
      return {
        unitId: unit(r.key),
        indicatorId: id,
        value: Math.round(def.base * r.scale * jitter(u + id)),
      };
    }),
  );
  await figures.writeTargets(trx, 2017, targets, iso('2017-01-10'));

  const unitIdsReporting = REPORTING.map((r) => unit(r.key));
  const deadlines = ['2017-03-22', '2017-06-21', '2017-09-25'];
  for (const quarter of [1, 2, 3, 4]) {
    const period = await periods.createPeriod(trx, ctx, {
      unitId: unit('thiuy'),
      kind: 'quarter',
      year: 2017,
      number: quarter,
      templateId: template.id,
      unitIds: unitIdsReporting,
      ...(deadlines[quarter - 1] && { deadline: deadlines[quarter - 1] }),
    });
    if (quarter === 4) continue;
    const qName = `${QUARTER_NAMES[quarter - 1]} năm 2017`;
    const rows = await reports.listReports(trx, { periodId: period.id });
    for (const [u, r] of REPORTING.entries()) {
      const row = rows.find((x) => x.unit_id === unit(r.key))!;
      const state: ReportState = quarter === 3 ? (Q3_STATES[r.key] ?? 'accepted') : 'accepted';
      await fillReport(trx, { row, period, r, u, quarter, qName, state, codes, secretaryId });
    }
    if (quarter === 3) {
      await periodsRepo.insertReminders(
        trx,
        ['hoiphunu', 'dongngan'].map((key) => ({
          period_id: period.id,
          unit_id: unit(key),
          message:
            'Đã quá hạn nộp báo cáo Quý III năm 2017. Đề nghị đơn vị rà soát số liệu, hoàn thiện và gửi Văn phòng Thị ủy trước ngày 29/9/2017.',
          sent_by: secretaryId,
          sent_by_name: ctx.actor.fullName,
          at: iso('2017-09-26', '14:30'),
        })),
      );
    }
    if (quarter < 3)
      await periods.updatePeriod(trx, ctx, period.id, { version: 1, status: 'closed' });
  }
}

interface FillArgs {
  row: Awaited<ReturnType<typeof reports.listReports>>[number];
  period: { id: number; deadline: string; cutoffDate: string };
  r: (typeof REPORTING)[number];
  u: number;
  quarter: number;
  qName: string;
  state: ReportState;
  codes: Map<string, { id: number; def: DemoIndicator }>;
  secretaryId: number;
}

async function fillReport(trx: DemoContext['trx'], a: FillArgs): Promise<void> {
  const { row, r, quarter, state } = a;
  // Hội LHPN's Quý III draft and Đông Ngàn's untouched one wait for their reporters.
  if (state === 'draft' && quarter === 3) {
    if (r.key === 'hoiphunu') {
      await reports.updateReport(trx, row.id, row.version, {
        sections_json: JSON.stringify({
          ket_qua:
            '<p>Hội đã tổ chức các hoạt động chào mừng ngày Phụ nữ Việt Nam 20/10 (đang hoàn thiện).</p>',
        }),
        updated_at: iso('2017-09-18', '15:30'),
      });
    }
    return;
  }
  const sections = Object.fromEntries(
    Object.entries(SECTION_TEXT).map(([k, f]) => [
      k,
      f(r.key === 'mttq' ? 'Ủy ban MTTQ thị xã' : 'đơn vị', a.qName),
    ]),
  );
  const submitted = addDaysIso(
    a.period.cutoffDate,
    r.key === 'hoinongdan' && quarter === 3 ? 14 : 2 + (a.u % 4),
  );
  const late = submitted.slice(0, 10) > a.period.deadline ? 1 : 0;
  const values = new Map<number, number | null>();
  for (const code of BY_KIND[r.kind] ?? []) {
    const { id, def } = a.codes.get(code)!;
    const yearly = def.base * r.scale;
    const v =
      def.aggregation === 'latest'
        ? yearly * (0.6 + 0.1 * quarter)
        : (yearly / 4) * jitter(a.u * 7 + id * 3 + quarter) * 1.06;
    values.set(id, Math.max(0, Math.round(v)));
  }
  await figures.writeQuarterValues(
    trx,
    { unitId: row.unit_id, year: 2017, quarter, reportId: row.id },
    values,
    submitted,
  );
  const proposals = quarter === 3 ? (PROPOSALS[r.key] ?? []) : [];
  for (const [i, text] of proposals.entries())
    await reports.insertProposal(trx, row.id, i, text, submitted);
  await reports.insertRevision(trx, {
    report_id: row.id,
    number: 1,
    state: 'draft',
    content_json: JSON.stringify({
      sections,
      values: Object.fromEntries([...values].map(([k, v]) => [String(k), v])),
      proposals,
    }),
    author_id: null,
    author_name: null,
    note: 'save',
    at: submitted,
  });
  const steps: [string, ReportState, ReportState][] = [['send', 'draft', 'awaiting_approval']];
  if (state !== 'awaiting_approval') steps.push(['approve', 'awaiting_approval', 'submitted']);
  if (state === 'accepted') steps.push(['accept', 'submitted', 'accepted']);
  if (state === 'returned') steps.push(['return', 'submitted', 'returned']);
  for (const [action, from, to] of steps) {
    const bySecretary = action === 'accept' || action === 'return';
    await reports.insertEvent(trx, {
      report_id: row.id,
      action,
      from_state: from,
      to_state: to,
      comment:
        action === 'return'
          ? 'Đề nghị bổ sung số liệu đoàn viên công đoàn mới kết nạp và làm rõ nguyên nhân hạn chế.'
          : null,
      late: action === 'approve' ? late : 0,
      actor_id: bySecretary ? a.secretaryId : null,
      actor_name: bySecretary ? 'Ngô Thị Hằng' : null,
      at: submitted,
    });
  }
  await reports.updateReport(trx, row.id, row.version, {
    state,
    sections_json: JSON.stringify(sections),
    late: state === 'awaiting_approval' ? 0 : late,
    submitted_at: state === 'awaiting_approval' ? null : submitted,
    accepted_at: state === 'accepted' ? addDaysIso(a.period.cutoffDate, 8) : null,
    return_comment:
      state === 'returned'
        ? 'Đề nghị bổ sung số liệu đoàn viên công đoàn mới kết nạp và làm rõ nguyên nhân hạn chế.'
        : null,
    updated_at: submitted,
  });
}

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T09:00:00+07:00`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString();
}
