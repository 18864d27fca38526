import { addAttachment } from '../../src/reports/attachments.service.ts';
import * as catalog from '../../src/reports/catalog.service.ts';
import * as periods from '../../src/reports/periods.service.ts';
import { listReports } from '../../src/reports/reports.repository.ts';
import * as reports from '../../src/reports/reports.service.ts';
import { transitionReport } from '../../src/reports/workflow.service.ts';
import { uniq } from '../../src/test-support/factories.ts';
import type { Ctx, Role } from '../../src/units/roles.ts';
import { allow, anySignedIn, type Fixture, type Row } from './table.ts';

/*
 * Periods, templates, unit reports, indicators and targets. Reports live in a period of the
 * committee (root) that A and B report in: A's reporter and head write A's report, the
 * secretariat reviews, the chair reads, and nobody else gets in.
 */

const ctxOf = (fx: Fixture, who: 'secretary' | 'reporterA' | 'headA'): Ctx => {
  const grants: Record<typeof who, { unitId: number; role: Role }> = {
    secretary: { unitId: fx.root, role: 'secretariat' },
    reporterA: { unitId: fx.a, role: 'reporter' },
    headA: { unitId: fx.a, role: 'unit_head' },
  };
  return {
    actor: { id: fx.accounts[who], username: who, fullName: who, roles: [grants[who]] },
    requestId: null,
  };
};

const counters = new WeakMap<object, number>();
/**
 * A fresh period key per call, so every call opens a period of its own: quarters I and III and
 * the first half of each year, leaving room for "next period" (II, IV, second half).
 */
const nextKey = (fx: Fixture) => {
  const n = (counters.get(fx.db) ?? 0) + 1;
  counters.set(fx.db, n);
  const slot = n % 3;
  return slot === 2
    ? { kind: 'half' as const, year: 2000 + Math.floor(n / 3), number: 1 }
    : { kind: 'quarter' as const, year: 2000 + Math.floor(n / 3), number: slot * 2 + 1 };
};

async function freshIndicator(fx: Fixture) {
  return catalog.createIndicator(fx.db, ctxOf(fx, 'secretary'), {
    code: `AZ_${uniq()}`,
    name: 'Chỉ tiêu bảng quyền',
    measure: 'người',
    aggregation: 'sum',
    higherIsBetter: true,
    allowNegative: false,
  });
}

async function freshTemplate(fx: Fixture) {
  const indicator = await freshIndicator(fx);
  return catalog.createTemplate(fx.db, ctxOf(fx, 'secretary'), {
    unitId: fx.root,
    name: `Mẫu ${uniq()}`,
    indicators: [{ unitKind: 'party_board', indicatorIds: [indicator.id] }],
  });
}

async function freshPeriod(fx: Fixture) {
  const template = await freshTemplate(fx);
  return periods.createPeriod(fx.db, ctxOf(fx, 'secretary'), {
    unitId: fx.root,
    ...nextKey(fx),
    templateId: template.id,
    unitIds: [fx.a, fx.b],
  });
}

/** A's (or B's) report in a fresh period, moved along the workflow to `state`. */
async function freshReport(
  fx: Fixture,
  unit: 'a' | 'b' = 'a',
  state: 'draft' | 'awaiting' | 'submitted' | 'saved' = 'draft',
) {
  const period = await freshPeriod(fx);
  const row = (await listReports(fx.db, { periodId: period.id })).find(
    (r) => r.unit_id === fx[unit],
  )!;
  if (state === 'draft')
    return { period, report: await reports.getReport(fx.db, ctxOf(fx, 'secretary'), row.id) };
  let r = await reports.saveReport(fx.db, ctxOf(fx, 'reporterA'), row.id, {
    version: 1,
    sections: { ket_qua: '<p>Bản một</p>' },
    values: [],
    proposals: [{ text: 'Đề nghị thử' }],
  });
  if (state === 'saved') {
    r = await reports.saveReport(fx.db, ctxOf(fx, 'reporterA'), row.id, {
      version: r.version,
      sections: { ket_qua: '<p>Bản hai</p>' },
      values: [],
      proposals: [{ id: r.proposals[0]!.id, text: 'Đề nghị thử' }],
    });
    return { period, report: r };
  }
  r = await transitionReport(fx.db, ctxOf(fx, 'reporterA'), row.id, {
    version: r.version,
    action: 'send',
  });
  if (state === 'submitted')
    r = await transitionReport(fx.db, ctxOf(fx, 'headA'), row.id, {
      version: r.version,
      action: 'approve',
    });
  return { period, report: r };
}

/** A multipart body with one file, as a browser would send it. */
function multipart(fileName: string, data: Buffer, type: string) {
  const boundary = `----giaoban${uniq()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'sec-fetch-site': 'same-origin',
    },
  };
}

const READERS_OF_A = ['reporterA', 'headA', 'secretary', 'chair'] as const;
const WRITERS_OF_A = ['reporterA', 'headA'] as const;
const FOLLOWERS = ['secretary', 'chair'] as const;

export const reportRows: Row[] = [
  {
    route: 'GET /api/v1/report-settings',
    request: async () => ({ url: '/api/v1/report-settings' }),
    expect: anySignedIn(200),
  },
  {
    route: 'PUT /api/v1/report-settings',
    request: async (fx) => ({
      url: '/api/v1/report-settings',
      payload: {
        version: (await catalog.getReportSettings(fx.db)).version,
        periodRule: { dataFromDay: 15, cutoffDay: 14, deadlineDaysAfterCutoff: 6 },
      },
    }),
    expect: allow(['secretary', 'rootAdmin'], 200),
  },
  {
    route: 'GET /api/v1/indicators',
    request: async () => ({ url: '/api/v1/indicators' }),
    expect: anySignedIn(200),
  },
  {
    route: 'POST /api/v1/indicators',
    request: async () => ({
      url: '/api/v1/indicators',
      payload: {
        code: `N_${uniq()}`,
        name: 'Hội viên mới',
        measure: 'người',
        aggregation: 'sum',
        higherIsBetter: true,
        allowNegative: false,
      },
    }),
    expect: allow(['secretary', 'rootAdmin'], 201),
  },
  {
    route: 'PATCH /api/v1/indicators/:id',
    request: async (fx) => ({
      url: `/api/v1/indicators/${(await freshIndicator(fx)).id}`,
      payload: { version: 1, measure: 'lớp' },
    }),
    expect: allow(['secretary', 'rootAdmin'], 200),
  },
  {
    route: 'GET /api/v1/templates',
    request: async () => ({ url: '/api/v1/templates' }),
    expect: anySignedIn(200),
  },
  {
    route: 'GET /api/v1/templates/:id',
    request: async (fx) => ({ url: `/api/v1/templates/${(await freshTemplate(fx)).id}` }),
    expect: anySignedIn(200),
  },
  {
    route: 'POST /api/v1/templates',
    request: async (fx) => ({
      url: '/api/v1/templates',
      payload: { unitId: fx.root, name: `Mẫu ${uniq()}` },
    }),
    expect: allow(['secretary'], 201),
  },
  {
    route: 'PUT /api/v1/templates/:id',
    request: async (fx) => {
      const t = await freshTemplate(fx);
      return {
        url: `/api/v1/templates/${t.id}`,
        payload: { version: t.version, sections: t.current.sections, indicators: [] },
      };
    },
    expect: allow(['secretary'], 200),
  },
  {
    route: 'GET /api/v1/periods',
    request: async () => ({ url: '/api/v1/periods' }),
    expect: anySignedIn(200),
  },
  {
    route: 'GET /api/v1/periods/defaults',
    request: async () => ({ url: '/api/v1/periods/defaults?kind=quarter&year=2017&number=4' }),
    expect: anySignedIn(200),
  },
  {
    route: 'GET /api/v1/periods/:id',
    request: async (fx) => ({ url: `/api/v1/periods/${(await freshPeriod(fx)).id}` }),
    expect: anySignedIn(200),
  },
  {
    route: 'POST /api/v1/periods',
    request: async (fx) => ({
      url: '/api/v1/periods',
      payload: {
        unitId: fx.root,
        ...nextKey(fx),
        templateId: (await freshTemplate(fx)).id,
        unitIds: [fx.a],
      },
    }),
    expect: allow(['secretary'], 201),
  },
  {
    route: 'POST /api/v1/periods/:id/next',
    request: async (fx) => ({ url: `/api/v1/periods/${(await freshPeriod(fx)).id}/next` }),
    expect: allow(['secretary'], 201),
  },
  {
    route: 'PATCH /api/v1/periods/:id',
    request: async (fx) => ({
      url: `/api/v1/periods/${(await freshPeriod(fx)).id}`,
      payload: { version: 1, status: 'closed' },
    }),
    expect: allow(['secretary'], 200),
  },
  {
    route: 'GET /api/v1/periods/:id/board',
    request: async (fx) => ({ url: `/api/v1/periods/${(await freshPeriod(fx)).id}/board` }),
    expect: allow(FOLLOWERS, 200),
  },
  {
    route: 'POST /api/v1/periods/:id/reminders',
    request: async (fx) => ({
      url: `/api/v1/periods/${(await freshPeriod(fx)).id}/reminders`,
      payload: {},
    }),
    expect: allow(['secretary'], 200),
  },
  {
    route: 'GET /api/v1/periods/:id/export.xlsx',
    request: async (fx) => ({ url: `/api/v1/periods/${(await freshPeriod(fx)).id}/export.xlsx` }),
    expect: allow(FOLLOWERS, 200),
  },
  {
    route: 'GET /api/v1/reports',
    request: async () => ({ url: '/api/v1/reports' }),
    expect: anySignedIn(200),
  },
  {
    route: "GET /api/v1/reports/:id (A's report)",
    request: async (fx) => ({ url: `/api/v1/reports/${(await freshReport(fx)).report.id}` }),
    expect: allow(READERS_OF_A, 200),
  },
  {
    route: "GET /api/v1/reports/:id (B's report)",
    request: async (fx) => ({ url: `/api/v1/reports/${(await freshReport(fx, 'b')).report.id}` }),
    expect: allow(FOLLOWERS, 200),
  },
  {
    route: 'PUT /api/v1/reports/:id',
    request: async (fx) => ({
      url: `/api/v1/reports/${(await freshReport(fx)).report.id}`,
      payload: { version: 1, sections: { ket_qua: '<p>Kết quả</p>' }, values: [], proposals: [] },
    }),
    expect: allow(WRITERS_OF_A, 200),
  },
  {
    route: 'POST /api/v1/reports/:id/transitions (send)',
    request: async (fx) => ({
      url: `/api/v1/reports/${(await freshReport(fx)).report.id}/transitions`,
      payload: { version: 1, action: 'send' },
    }),
    expect: allow(WRITERS_OF_A, 200),
  },
  {
    route: 'POST /api/v1/reports/:id/transitions (approve)',
    request: async (fx) => {
      const { report } = await freshReport(fx, 'a', 'awaiting');
      return {
        url: `/api/v1/reports/${report.id}/transitions`,
        payload: { version: report.version, action: 'approve' },
      };
    },
    expect: allow(['headA'], 200),
  },
  {
    route: 'POST /api/v1/reports/:id/transitions (return)',
    request: async (fx) => {
      const { report } = await freshReport(fx, 'a', 'submitted');
      return {
        url: `/api/v1/reports/${report.id}/transitions`,
        payload: { version: report.version, action: 'return', comment: 'Bổ sung' },
      };
    },
    expect: allow(['secretary'], 200),
  },
  {
    route: 'GET /api/v1/reports/:id/revisions',
    request: async (fx) => ({
      url: `/api/v1/reports/${(await freshReport(fx, 'a', 'saved')).report.id}/revisions`,
    }),
    expect: allow(READERS_OF_A, 200),
  },
  {
    route: 'GET /api/v1/reports/:id/diff',
    request: async (fx) => ({
      url: `/api/v1/reports/${(await freshReport(fx, 'a', 'saved')).report.id}/diff?from=1&to=2`,
    }),
    expect: allow(READERS_OF_A, 200),
  },
  {
    route: 'GET /api/v1/proposals',
    request: async () => ({ url: '/api/v1/proposals' }),
    expect: anySignedIn(200),
  },
  {
    route: 'POST /api/v1/proposals/:id/answer',
    request: async (fx) => {
      const { report } = await freshReport(fx, 'a', 'submitted');
      const p = report.proposals[0]!;
      return {
        url: `/api/v1/proposals/${p.id}/answer`,
        payload: { version: p.version, answer: 'Đã giao Văn phòng.' },
      };
    },
    expect: allow(FOLLOWERS, 200),
  },
  {
    route: 'GET /api/v1/targets',
    request: async () => ({ url: '/api/v1/targets?year=2017' }),
    expect: allow(READERS_OF_A, 200),
  },
  {
    route: 'PUT /api/v1/targets',
    request: async (fx) => ({
      url: '/api/v1/targets',
      payload: {
        year: 2017,
        items: [{ unitId: fx.a, indicatorId: (await freshIndicator(fx)).id, value: 100 }],
      },
    }),
    expect: allow(['secretary'], 200),
  },
  {
    route: 'GET /api/v1/progress',
    request: async () => ({ url: '/api/v1/progress?year=2017' }),
    expect: allow(READERS_OF_A, 200),
  },
  {
    route: 'GET /api/v1/progress/export.xlsx',
    request: async () => ({ url: '/api/v1/progress/export.xlsx?year=2017' }),
    expect: allow(READERS_OF_A, 200),
  },
  {
    route: 'GET /api/v1/reports/:id/indicators.xlsx',
    request: async (fx) => ({
      url: `/api/v1/reports/${(await freshReport(fx)).report.id}/indicators.xlsx`,
    }),
    expect: allow(READERS_OF_A, 200),
  },
  {
    route: 'POST /api/v1/reports/:id/indicators.xlsx (not a spreadsheet)',
    request: async (fx) => ({
      url: `/api/v1/reports/${(await freshReport(fx)).report.id}/indicators.xlsx?version=1`,
      ...multipart('so-lieu.xlsx', Buffer.from('không phải excel'), 'application/octet-stream'),
    }),
    expect: allow(WRITERS_OF_A, 400),
  },
  {
    route: 'POST /api/v1/reports/:id/attachments',
    request: async (fx) => ({
      url: `/api/v1/reports/${(await freshReport(fx)).report.id}/attachments?version=1`,
      ...multipart('bien-ban.pdf', Buffer.from('%PDF-1.4 thử'), 'application/pdf'),
    }),
    expect: allow(WRITERS_OF_A, 201),
  },
  {
    route: 'GET /api/v1/attachments/:id',
    request: async (fx) => {
      const { report } = await freshReport(fx);
      const a = await addAttachment(fx.db, ctxOf(fx, 'reporterA'), report.id, 1, {
        fileName: 'a.pdf',
        data: Buffer.from('%PDF'),
      });
      return { url: `/api/v1/attachments/${a.id}` };
    },
    expect: allow(READERS_OF_A, 200),
  },
  {
    route: 'DELETE /api/v1/attachments/:id',
    request: async (fx) => {
      const { report } = await freshReport(fx);
      const a = await addAttachment(fx.db, ctxOf(fx, 'reporterA'), report.id, 1, {
        fileName: 'a.pdf',
        data: Buffer.from('%PDF'),
      });
      return { url: `/api/v1/attachments/${a.id}?version=1` };
    },
    expect: allow(WRITERS_OF_A, 204),
  },
];
