import type { Database } from '../db/database.ts';
import * as catalog from '../reports/catalog.service.ts';
import * as periods from '../reports/periods.service.ts';
import type { PeriodKind } from '../reports/period-rules.ts';
import type { Aggregation } from '../reports/progress-math.ts';
import { nowIso } from '../db/dialect.ts';
import { writeQuarterValues } from '../reports/figures.repository.ts';
import { listReports, updateReport } from '../reports/reports.repository.ts';
import type { UnitKind } from '../units/roles.ts';
import { buildAccount, buildUnit, ctxFor, uniq } from './factories.ts';

/** An indicator with a unique code. */
export async function buildIndicator(
  db: Database,
  ctx: Parameters<typeof catalog.createIndicator>[1],
  overrides: {
    code?: string;
    aggregation?: Aggregation;
    allowNegative?: boolean;
    higherIsBetter?: boolean;
    measure?: string;
  } = {},
) {
  return catalog.createIndicator(db, ctx, {
    code: overrides.code ?? `CT_${uniq()}`,
    name: `Chỉ tiêu thử ${uniq()}`,
    measure: overrides.measure ?? 'người',
    aggregation: overrides.aggregation ?? 'sum',
    higherIsBetter: overrides.higherIsBetter ?? true,
    allowNegative: overrides.allowNegative ?? false,
  });
}

/**
 * A committee with one reporting unit and its people, a template with two indicators for the
 * unit's kind, and an open period with the unit's draft report: what most report tests need.
 */
export async function buildReportSetup(
  db: Database,
  options: {
    kind?: PeriodKind;
    year?: number;
    number?: number;
    deadline?: string;
    unitKind?: UnitKind;
    /** Codes of the two indicators (fund, members), when a test needs fixed ones. */
    codes?: [string, string];
  } = {},
) {
  const convener = await buildUnit(db, { kind: 'party_committee', name: `Thị ủy thử ${uniq()}` });
  const unitKind = options.unitKind ?? 'mass_organization';
  const unit = await buildUnit(db, {
    parentId: convener.id,
    kind: unitKind,
    name: `Hội thử ${uniq()}`,
  });
  const other = await buildUnit(db, {
    parentId: convener.id,
    kind: unitKind,
    name: `Hội khác ${uniq()}`,
  });
  const secretary = await buildAccount(db, {
    roles: [{ unitId: convener.id, role: 'secretariat' }],
  });
  const chair = await buildAccount(db, { roles: [{ unitId: convener.id, role: 'chair' }] });
  const reporter = await buildAccount(db, { roles: [{ unitId: unit.id, role: 'reporter' }] });
  const head = await buildAccount(db, { roles: [{ unitId: unit.id, role: 'unit_head' }] });
  const otherReporter = await buildAccount(db, { roles: [{ unitId: other.id, role: 'reporter' }] });
  // Catalog keepers are secretariat or admin of a root unit: the convener is one.
  const secCtx = ctxFor(secretary);
  const fund = await buildIndicator(db, secCtx, {
    measure: 'triệu đồng',
    code: options.codes?.[0],
  });
  const members = await buildIndicator(db, secCtx, {
    aggregation: 'latest',
    code: options.codes?.[1],
  });
  const template = await catalog.createTemplate(db, secCtx, {
    unitId: convener.id,
    name: `Mẫu thử ${uniq()}`,
    indicators: [{ unitKind, indicatorIds: [fund.id, members.id] }],
  });
  const period = await periods.createPeriod(db, secCtx, {
    unitId: convener.id,
    kind: options.kind ?? 'quarter',
    year: options.year ?? 2017,
    number: options.number ?? 3,
    templateId: template.id,
    ...(options.deadline && { deadline: options.deadline }),
  });
  const reports = await listReports(db, { periodId: period.id });
  const report = reports.find((r) => r.unit_id === unit.id)!;
  const otherReport = reports.find((r) => r.unit_id === other.id)!;
  return {
    convener,
    unit,
    other,
    accounts: { secretary, chair, reporter, head, otherReporter },
    ctx: {
      secretary: secCtx,
      chair: ctxFor(chair),
      reporter: ctxFor(reporter),
      head: ctxFor(head),
      otherReporter: ctxFor(otherReporter),
    },
    indicators: { fund, members },
    template,
    period,
    report,
    otherReport,
  };
}

/**
 * The four quarter periods of the setup's year (the setup's own period is the first quarter's
 * when opened with number 1), and each unit's report in each: `reports[quarter][unitId]`.
 */
export async function buildQuarters(db: Database, s: Awaited<ReturnType<typeof buildReportSetup>>) {
  const reports: Record<number, Record<number, { id: number; version: number }>> = {};
  for (const quarter of [1, 2, 3, 4]) {
    const period =
      s.period.number === quarter
        ? s.period
        : await periods.createPeriod(db, s.ctx.secretary, {
            unitId: s.convener.id,
            kind: 'quarter',
            year: s.period.year,
            number: quarter,
            templateId: s.template.id,
          });
    reports[quarter] = Object.fromEntries(
      (await listReports(db, { periodId: period.id })).map((r) => [r.unit_id, r]),
    );
  }
  return reports;
}

/**
 * Writes a unit's values into its report and moves the report to `state` (accepted unless
 * told), as the workflow leaves it; the official figures follow the state.
 */
export async function buildQuarterValues(
  db: Database,
  report: { id: number },
  values: [indicatorId: number, value: number | null][],
  state: 'draft' | 'awaiting_approval' | 'submitted' | 'accepted' | 'returned' = 'accepted',
) {
  const row = await getReportRow(db, report.id);
  const period = await db
    .selectFrom('report_periods')
    .select(['year', 'number'])
    .where('id', '=', row.period_id)
    .executeTakeFirstOrThrow();
  await writeQuarterValues(
    db,
    { unitId: row.unit_id, year: period.year, quarter: period.number, reportId: row.id },
    new Map(values),
    nowIso(),
  );
  if (row.state !== state) await updateReport(db, row.id, row.version, { state });
}

/** Moves a report to another state directly, as the workflow would leave it. */
export async function setReportState(
  db: Database,
  reportId: number,
  state: 'draft' | 'awaiting_approval' | 'submitted' | 'accepted' | 'returned',
) {
  const row = await getReportRow(db, reportId);
  await updateReport(db, reportId, row.version, { state });
}

function getReportRow(db: Database, id: number) {
  return db.selectFrom('unit_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
