import { demoTime, type DemoContext } from '../demo/demo-context.ts';
import type { Ctx, UnitKind } from '../units/roles.ts';
import * as board from './board.service.ts';
import * as catalog from './catalog.service.ts';
import * as periods from './periods.service.ts';
import type { Aggregation } from './progress-math.ts';
import * as progress from './progress.service.ts';
import * as reports from './reports.service.ts';
import type { ReportAction, ReportState } from './reports.states.ts';
import * as workflow from './workflow.service.ts';

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

/** The days the secretariat opens each quarter's period and closes the finished ones. */
const OPENED = ['2017-03-01', '2017-06-01', '2017-09-01', '2017-10-12'];
const CLOSED = ['2017-04-05', '2017-07-05'];
const DEADLINES = ['2017-03-22', '2017-06-21', '2017-09-25'];
const RETURN_REASON =
  'Đề nghị bổ sung số liệu đoàn viên công đoàn mới kết nạp và làm rõ nguyên nhân hạn chế.';

type Codes = Map<string, { id: number; def: DemoIndicator }>;

/**
 * Everything as Văn phòng Thị ủy's secretariat (vanphong) and each unit's people did it: the
 * catalog and targets in January, then each quarter's period opened, its reports written,
 * sent, approved and reviewed on their days, and the finished quarters closed.
 */
export async function loadReportsDemo(demo: DemoContext): Promise<void> {
  const { trx } = demo;
  const unit = (key: string) => demo.unitIds.get(key)!;
  const secretary = (date: string, time?: string) => demo.as('vanphong', demoTime(date, time));
  const codes: Codes = new Map();
  for (const def of INDICATORS) {
    const created = await catalog.createIndicator(trx, secretary('2017-01-05'), {
      ...def,
      higherIsBetter: true,
      allowNegative: false,
    });
    codes.set(def.code, { id: created.id, def });
  }
  const template = await catalog.createTemplate(trx, secretary('2017-01-05', '10:00'), {
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
  await progress.setTargets(trx, secretary('2017-01-10'), { year: 2017, items: targets });

  for (const quarter of [1, 2, 3, 4]) {
    const period = await periods.createPeriod(trx, secretary(OPENED[quarter - 1]!), {
      unitId: unit('thiuy'),
      kind: 'quarter',
      year: 2017,
      number: quarter,
      templateId: template.id,
      unitIds: REPORTING.map((r) => unit(r.key)),
      ...(DEADLINES[quarter - 1] && { deadline: DEADLINES[quarter - 1] }),
    });
    if (quarter === 4) continue;
    const qName = `${QUARTER_NAMES[quarter - 1]} năm 2017`;
    const rows = await reports.listReports(trx, secretary(OPENED[quarter - 1]!), {
      periodId: period.id,
    });
    for (const [u, r] of REPORTING.entries()) {
      const report = rows.find((x) => x.unitId === unit(r.key))!;
      const state: ReportState = quarter === 3 ? (Q3_STATES[r.key] ?? 'accepted') : 'accepted';
      await fillReport(demo, { report, period, r, u, quarter, qName, state, codes });
    }
    if (quarter === 3) {
      // Past the deadline, the secretariat reminds the two units that have not sent theirs.
      await board.remindMissing(trx, secretary('2017-09-26', '14:30'), period.id, {
        unitIds: ['hoiphunu', 'dongngan'].map(unit),
        message:
          'Đã quá hạn nộp báo cáo Quý III năm 2017. Đề nghị đơn vị rà soát số liệu, hoàn thiện và gửi Văn phòng Thị ủy trước ngày 29/9/2017.',
      });
    }
    const closed = CLOSED[quarter - 1];
    if (closed)
      await periods.updatePeriod(trx, secretary(closed), period.id, {
        version: period.version,
        status: 'closed',
      });
  }
}

interface FillArgs {
  report: { id: number; version: number };
  period: { cutoffDate: string };
  r: (typeof REPORTING)[number];
  u: number;
  quarter: number;
  qName: string;
  state: ReportState;
  codes: Codes;
}

/**
 * One unit's report of one quarter, up to `state`: its reporter writes it the day before
 * sending and sends it in the morning, its head approves it half an hour later, and the
 * secretariat reviews it eight days after the cut-off.
 */
async function fillReport(demo: DemoContext, a: FillArgs): Promise<void> {
  const { trx } = demo;
  const { r, quarter, state } = a;
  const reporter = (at: string) => demo.as(demo.holder('reporter', r.key), at);
  // Hội LHPN's Quý III draft and Đông Ngàn's untouched one wait for their reporters.
  if (state === 'draft' && quarter === 3) {
    if (r.key === 'hoiphunu') {
      await reports.storeReport(trx, reporter(demoTime('2017-09-18', '15:30')), a.report.id, {
        version: a.report.version,
        sections: {
          ket_qua:
            '<p>Hội đã tổ chức các hoạt động chào mừng ngày Phụ nữ Việt Nam 20/10 (đang hoàn thiện).</p>',
        },
        values: [],
        proposals: [],
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
  const sentDay = addDays(
    a.period.cutoffDate,
    r.key === 'hoinongdan' && quarter === 3 ? 14 : 2 + (a.u % 4),
  );
  const values: { indicatorId: number; value: number }[] = [];
  for (const code of BY_KIND[r.kind] ?? []) {
    const { id, def } = a.codes.get(code)!;
    const yearly = def.base * r.scale;
    const v =
      def.aggregation === 'latest'
        ? yearly * (0.6 + 0.1 * quarter)
        : (yearly / 4) * jitter(a.u * 7 + id * 3 + quarter) * 1.06;
    values.push({ indicatorId: id, value: Math.max(0, Math.round(v)) });
  }
  const proposals = quarter === 3 ? (PROPOSALS[r.key] ?? []) : [];
  let { row: report } = await reports.storeReport(
    trx,
    reporter(demoTime(addDays(sentDay, -1), '16:00')),
    a.report.id,
    { version: a.report.version, sections, values, proposals: proposals.map((text) => ({ text })) },
  );
  const step = async (who: Ctx, action: ReportAction, comment?: string) => {
    ({ row: report } = await workflow.moveReport(trx, who, a.report.id, {
      version: report.version,
      action,
      ...(comment && { comment }),
    }));
  };
  await step(reporter(demoTime(sentDay, '08:30')), 'send');
  if (state === 'awaiting_approval') return;
  await step(demo.as(demo.holder('unit_head', r.key), demoTime(sentDay)), 'approve');
  const reviewed = demo.as('vanphong', demoTime(addDays(a.period.cutoffDate, 8)));
  if (state === 'accepted') await step(reviewed, 'accept');
  if (state === 'returned') await step(reviewed, 'return', RETURN_REASON);
}

/** The day `days` after `date` (both yyyy-mm-dd). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
