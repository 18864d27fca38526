import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import { isUniqueViolation } from '../db/dialect.ts';
import type { Db } from '../db/schema.ts';
import { AppError, Forbidden, Invalid, NotFound, StaleVersion } from '../http/errors.ts';
import type { Ctx } from '../units/roles.ts';
import type { UnitTree } from '../units/unit-tree.ts';
import { listUnits, loadUnitTree } from '../units/units.service.ts';
import { listTemplateVersions } from './catalog.repository.ts';
import { getReportSettings, getTemplate } from './catalog.service.ts';
import {
  isValidPeriodKey,
  nextPeriodKey,
  periodDates,
  periodName,
  type PeriodKey,
  type PeriodKind,
} from './period-rules.ts';
import * as repo from './periods.repository.ts';
import type {
  CreatePeriodBody,
  Period,
  PeriodDefaultsQuery,
  PeriodQuery,
  UpdatePeriodBody,
} from './periods.schema.ts';
import { canRunPeriods } from './reports.policy.ts';
import * as reports from './reports.repository.ts';
import type { PeriodRow } from './reports.tables.ts';

export function presentPeriod(row: PeriodRow, unitIds: number[], templateId: number): Period {
  return {
    id: row.id,
    unitId: row.unit_id,
    kind: row.kind as PeriodKind,
    year: row.year,
    number: row.number,
    name: row.name,
    startDate: row.start_date,
    endDate: row.end_date,
    dataFrom: row.data_from,
    cutoffDate: row.cutoff_date,
    deadline: row.deadline,
    templateId,
    templateVersionId: row.template_version_id,
    status: row.status as 'open' | 'closed',
    unitIds,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function templateIdOf(db: Db, versionIds: number[]): Promise<Map<number, number>> {
  return new Map((await listTemplateVersions(db, versionIds)).map((v) => [v.id, v.template_id]));
}

async function present(db: Db, rows: PeriodRow[]): Promise<Period[]> {
  const units = await repo.reportingUnits(
    db,
    rows.map((r) => r.id),
  );
  const templates = await templateIdOf(db, [...new Set(rows.map((r) => r.template_version_id))]);
  return rows.map((r) =>
    presentPeriod(r, units.get(r.id) ?? [], templates.get(r.template_version_id)!),
  );
}

/** Periods are visible to every signed-in user: their names and dates are no secret. */
export async function listPeriods(db: Db, query: PeriodQuery): Promise<Period[]> {
  return present(db, await repo.listPeriods(db, query));
}

export async function loadPeriod(db: Db, id: number): Promise<PeriodRow> {
  const row = await repo.findPeriod(db, id);
  if (!row) throw NotFound('period');
  return row;
}

export async function getPeriod(db: Db, id: number): Promise<Period> {
  return (await present(db, [await loadPeriod(db, id)]))[0]!;
}

/** Name and dates a new period gets under the configured rule. */
export async function periodDefaults(db: Db, key: PeriodDefaultsQuery) {
  if (!isValidPeriodKey(key)) throw Invalid({ number: { rule: 'invalid' } });
  const { periodRule } = await getReportSettings(db);
  return { name: periodName(key), ...periodDates(key, periodRule) };
}

function checkDates(d: {
  dataFrom: string;
  cutoffDate: string;
  deadline: string;
  startDate: string;
}) {
  if (d.cutoffDate < d.dataFrom)
    throw Invalid({ cutoffDate: { rule: 'dateOrder', params: { other: d.dataFrom } } });
  if (d.deadline < d.cutoffDate)
    throw Invalid({ deadline: { rule: 'dateOrder', params: { other: d.cutoffDate } } });
}

/** The default reporting units: the active units directly under the convening one. */
async function defaultUnits(db: Db, convenerId: number): Promise<number[]> {
  return (await listUnits(db))
    .filter((u) => u.parentId === convenerId && u.active)
    .map((u) => u.id);
}

function checkUnits(unitIds: number[], convenerId: number, tree: UnitTree) {
  for (const [i, id] of unitIds.entries()) {
    if (!tree.has(id) || id === convenerId || !tree.isWithin(id, convenerId)) {
      throw Invalid({ [`unitIds.${i}`]: { rule: 'notFound' } });
    }
  }
}

async function addReports(db: Db, periodId: number, unitIds: number[], at: string) {
  for (const unitId of unitIds) {
    await reports.insertReport(db, {
      period_id: periodId,
      unit_id: unitId,
      state: 'draft',
      sections_json: '{}',
      created_at: at,
      updated_at: at,
    });
  }
}

/** Opens a period: dates default from the settings' rule; a draft report for each unit. */
export async function createPeriod(db: Db, ctx: Ctx, input: CreatePeriodBody): Promise<Period> {
  const tree = await loadUnitTree(db);
  if (!tree.has(input.unitId)) throw Invalid({ unitId: { rule: 'notFound' } });
  if (!canRunPeriods(ctx.actor, input.unitId, tree)) throw Forbidden();
  const key: PeriodKey = { kind: input.kind, year: input.year, number: input.number };
  if (!isValidPeriodKey(key)) throw Invalid({ number: { rule: 'invalid' } });
  const template = await getTemplate(db, input.templateId).catch(() => {
    throw Invalid({ templateId: { rule: 'notFound' } });
  });
  // A unit's periods use its own templates: a ward does not report on the town's template.
  if (template.unitId !== input.unitId)
    throw Invalid({ templateId: { rule: 'otherUnitTemplate' } });
  const defaults = await periodDefaults(db, key);
  const dates = {
    ...defaults,
    dataFrom: input.dataFrom ?? defaults.dataFrom,
    cutoffDate: input.cutoffDate ?? defaults.cutoffDate,
    deadline: input.deadline ?? defaults.deadline,
  };
  checkDates(dates);
  const unitIds = [...new Set(input.unitIds ?? (await defaultUnits(db, input.unitId)))];
  checkUnits(unitIds, input.unitId, tree);
  if (await repo.findPeriodByKey(db, input.unitId, key.kind, key.year, key.number)) {
    throw new AppError(409, 'period_exists', { name: defaults.name });
  }
  const now = nowOf(ctx);
  let row: PeriodRow;
  try {
    row = await repo.insertPeriod(db, {
      unit_id: input.unitId,
      ...key,
      name: dates.name,
      start_date: dates.startDate,
      end_date: dates.endDate,
      data_from: dates.dataFrom,
      cutoff_date: dates.cutoffDate,
      deadline: dates.deadline,
      template_version_id: template.current.id,
      status: 'open',
      created_at: now,
      updated_at: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'period_exists', { name: defaults.name });
    throw error;
  }
  await addReports(db, row.id, unitIds, now);
  const period = presentPeriod(
    row,
    [...unitIds].sort((a, b) => a - b),
    template.id,
  );
  await recordAudit(db, ctx, {
    action: 'create',
    unitId: row.unit_id,
    entityType: 'period',
    entityId: row.id,
    summary: row.name,
    after: period,
  });
  return period;
}

/** Opens the period after this one with the same units and the template's current version. */
export async function createNextPeriod(db: Db, ctx: Ctx, id: number): Promise<Period> {
  const current = await getPeriod(db, id);
  const key = nextPeriodKey(current);
  return createPeriod(db, ctx, {
    unitId: current.unitId,
    ...key,
    templateId: current.templateId,
    unitIds: current.unitIds,
  });
}

/** Changes dates, opens or closes, adds units or drops those whose report is still untouched. */
export async function updatePeriod(
  db: Db,
  ctx: Ctx,
  id: number,
  input: UpdatePeriodBody,
): Promise<Period> {
  const row = await loadPeriod(db, id);
  const tree = await loadUnitTree(db);
  if (!canRunPeriods(ctx.actor, row.unit_id, tree)) throw Forbidden();
  if (row.version !== input.version) throw StaleVersion('period');
  const dates = {
    startDate: row.start_date,
    dataFrom: input.dataFrom ?? row.data_from,
    cutoffDate: input.cutoffDate ?? row.cutoff_date,
    deadline: input.deadline ?? row.deadline,
  };
  checkDates(dates);
  const before = await getPeriod(db, id);
  const now = nowOf(ctx);
  if (input.unitIds) {
    const wanted = [...new Set(input.unitIds)];
    checkUnits(wanted, row.unit_id, tree);
    const existing = await reports.listReports(db, { periodId: id });
    const added = wanted.filter((u) => !existing.some((r) => r.unit_id === u));
    // A unit leaves the period only with its report: one never written in. Started reports
    // are named, all of them, and nothing is changed.
    const dropped = existing.filter((r) => !wanted.includes(r.unit_id));
    const started: number[] = [];
    for (const r of dropped) {
      const untouched =
        r.state === 'draft' && r.version === 1 && (await reports.countRevisions(db, r.id)) === 0;
      if (!untouched) started.push(r.unit_id);
    }
    if (started.length > 0) {
      const nameOf = new Map((await listUnits(db)).map((u) => [u.id, u.name]));
      const names = started.map((u) => nameOf.get(u) ?? String(u)).join('; ');
      throw new AppError(
        409,
        'period_unit_has_report',
        { units: names },
        { unitIds: { rule: 'invalid' } },
      );
    }
    for (const r of dropped) await reports.deleteReport(db, r.id);
    await addReports(db, id, added, now);
  }
  const updated = await repo.updatePeriod(db, id, input.version, {
    data_from: dates.dataFrom,
    cutoff_date: dates.cutoffDate,
    deadline: dates.deadline,
    ...(input.status !== undefined && { status: input.status }),
    updated_at: now,
  });
  if (!updated) throw StaleVersion('period');
  const after = await getPeriod(db, id);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: row.unit_id,
    entityType: 'period',
    entityId: id,
    summary: row.name,
    before,
    after,
  });
  return after;
}
