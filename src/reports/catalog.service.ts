import { recordAudit } from '../audit/audit.service.ts';
import { isUniqueViolation, nowIso } from '../db/dialect.ts';
import type { Db } from '../db/schema.ts';
import { AppError, Forbidden, Invalid, NotFound, StaleVersion } from '../http/errors.ts';
import type { Ctx, UnitKind } from '../units/roles.ts';
import { loadUnitTree } from '../units/units.service.ts';
import * as repo from './catalog.repository.ts';
import type {
  CreateIndicatorBody,
  CreateTemplateBody,
  Indicator,
  ReportSettings,
  Template,
  TemplateVersion,
  UpdateIndicatorBody,
  UpdateReportSettingsBody,
  UpdateTemplateBody,
} from './catalog.schema.ts';
import { DEFAULT_PERIOD_RULE, type PeriodDateRule } from './period-rules.ts';
import type { Aggregation } from './progress-math.ts';
import { canKeepCatalog, canRunPeriods } from './reports.policy.ts';
import type { IndicatorRow, TemplateRow, TemplateVersionRow } from './reports.tables.ts';

/** The sections a new template starts with. */
export const DEFAULT_SECTIONS = [
  { key: 'ket_qua', title: 'Kết quả thực hiện nhiệm vụ' },
  { key: 'han_che', title: 'Hạn chế, vướng mắc' },
  { key: 'phuong_huong', title: 'Phương hướng, nhiệm vụ quý tới' },
  { key: 'kien_nghi', title: 'Kiến nghị, đề xuất' },
];

const PERIOD_RULE_KEY = 'period_rule';

// ---- settings ---------------------------------------------------------------------------

/** The rule for periods' default dates; the decree 09/2019 rule until someone changes it. */
export async function getReportSettings(db: Db): Promise<ReportSettings> {
  const row = await repo.findSetting(db, PERIOD_RULE_KEY);
  if (!row) return { periodRule: { ...DEFAULT_PERIOD_RULE }, version: 1 };
  return { periodRule: JSON.parse(row.value_json) as PeriodDateRule, version: row.version };
}

export async function updateReportSettings(
  db: Db,
  ctx: Ctx,
  input: UpdateReportSettingsBody,
): Promise<ReportSettings> {
  if (!canKeepCatalog(ctx.actor, await loadUnitTree(db))) throw Forbidden();
  const before = await getReportSettings(db);
  if (before.version !== input.version) throw StaleVersion('report_settings');
  const json = JSON.stringify(input.periodRule);
  const existing = await repo.findSetting(db, PERIOD_RULE_KEY);
  const row = existing
    ? await repo.updateSetting(db, PERIOD_RULE_KEY, input.version, json, nowIso())
    : await repo.insertSetting(db, PERIOD_RULE_KEY, json, nowIso());
  if (!row) throw StaleVersion('report_settings');
  const after = { periodRule: input.periodRule, version: row.version };
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: null,
    entityType: 'report_settings',
    entityId: PERIOD_RULE_KEY,
    summary: 'Quy tắc ngày chốt số liệu và hạn nộp báo cáo',
    before: before.periodRule,
    after: after.periodRule,
  });
  return after;
}

// ---- indicators -------------------------------------------------------------------------

export function presentIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    measure: row.measure,
    aggregation: row.aggregation as Aggregation,
    higherIsBetter: row.higher_is_better === 1,
    allowNegative: row.allow_negative === 1,
    sortOrder: row.sort_order,
    active: row.active === 1,
    version: row.version,
  };
}

export async function listIndicators(db: Db): Promise<Indicator[]> {
  return (await repo.listIndicators(db)).map(presentIndicator);
}

const clean = (s: string, field: string) => {
  const v = s.trim().replace(/\s+/g, ' ');
  if (!v) throw Invalid({ [field]: { rule: 'blank' } });
  return v;
};

export async function createIndicator(
  db: Db,
  ctx: Ctx,
  input: CreateIndicatorBody,
): Promise<Indicator> {
  if (!canKeepCatalog(ctx.actor, await loadUnitTree(db))) throw Forbidden();
  const code = input.code.toUpperCase();
  if (await repo.findIndicatorByCode(db, code))
    throw new AppError(409, 'indicator_code_taken', { code });
  const now = nowIso();
  let row: IndicatorRow;
  try {
    row = await repo.insertIndicator(db, {
      code,
      name: clean(input.name, 'name'),
      measure: clean(input.measure, 'measure'),
      aggregation: input.aggregation,
      higher_is_better: input.higherIsBetter ? 1 : 0,
      allow_negative: input.allowNegative ? 1 : 0,
      sort_order: await repo.nextIndicatorOrder(db),
      active: 1,
      created_at: now,
      updated_at: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'indicator_code_taken', { code });
    throw error;
  }
  const indicator = presentIndicator(row);
  await recordAudit(db, ctx, {
    action: 'create',
    unitId: null,
    entityType: 'indicator',
    entityId: row.id,
    summary: `${code} ${row.name}`,
    after: indicator,
  });
  return indicator;
}

export async function updateIndicator(
  db: Db,
  ctx: Ctx,
  id: number,
  input: UpdateIndicatorBody,
): Promise<Indicator> {
  const row = await repo.findIndicator(db, id);
  if (!row) throw NotFound('indicator');
  if (!canKeepCatalog(ctx.actor, await loadUnitTree(db))) throw Forbidden();
  if (row.version !== input.version) throw StaleVersion('indicator');
  const updated = await repo.updateIndicator(db, id, input.version, {
    ...(input.name !== undefined && { name: clean(input.name, 'name') }),
    ...(input.measure !== undefined && { measure: clean(input.measure, 'measure') }),
    ...(input.aggregation !== undefined && { aggregation: input.aggregation }),
    ...(input.higherIsBetter !== undefined && { higher_is_better: input.higherIsBetter ? 1 : 0 }),
    ...(input.allowNegative !== undefined && { allow_negative: input.allowNegative ? 1 : 0 }),
    ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
    updated_at: nowIso(),
  });
  if (!updated) throw StaleVersion('indicator');
  const after = presentIndicator(updated);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: null,
    entityType: 'indicator',
    entityId: id,
    summary: `${row.code} ${after.name}`,
    before: presentIndicator(row),
    after,
  });
  return after;
}

// ---- templates --------------------------------------------------------------------------

export function presentTemplateVersion(row: TemplateVersionRow): TemplateVersion {
  return {
    id: row.id,
    number: row.number,
    sections: JSON.parse(row.sections_json) as TemplateVersion['sections'],
    indicators: JSON.parse(row.indicators_json) as TemplateVersion['indicators'],
    createdAt: row.created_at,
  };
}

function presentTemplate(row: TemplateRow, current: TemplateVersionRow): Template {
  return {
    id: row.id,
    unitId: row.unit_id,
    name: row.name,
    current: presentTemplateVersion(current),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export async function listTemplates(db: Db): Promise<Template[]> {
  const rows = await repo.listTemplates(db);
  const versions = await repo.listTemplateVersions(
    db,
    rows.map((r) => r.current_version_id!),
  );
  const byId = new Map(versions.map((v) => [v.id, v]));
  return rows.map((r) => presentTemplate(r, byId.get(r.current_version_id!)!));
}

export async function getTemplate(db: Db, id: number): Promise<Template> {
  const row = await repo.findTemplate(db, id);
  if (!row) throw NotFound('template');
  return presentTemplate(row, (await repo.findTemplateVersion(db, row.current_version_id!))!);
}

/** A template version as stored, for periods that keep the one they were opened with. */
export async function getTemplateVersion(db: Db, id: number): Promise<TemplateVersion> {
  const row = await repo.findTemplateVersion(db, id);
  if (!row) throw NotFound('template');
  return presentTemplateVersion(row);
}

/** The indicator ids a unit of `kind` reports under a template version. */
export function indicatorIdsFor(version: TemplateVersion, kind: UnitKind): number[] {
  return version.indicators.find((i) => i.unitKind === kind)?.indicatorIds ?? [];
}

async function checkContent(
  db: Db,
  sections: TemplateVersion['sections'],
  indicators: TemplateVersion['indicators'],
) {
  const keys = new Set<string>();
  for (const [i, s] of sections.entries()) {
    if (keys.has(s.key)) throw Invalid({ [`sections.${i}.key`]: { rule: 'duplicate' } });
    keys.add(s.key);
    if (!s.title.trim()) throw Invalid({ [`sections.${i}.title`]: { rule: 'blank' } });
  }
  const known = new Set((await repo.listIndicators(db)).map((r) => r.id));
  const kinds = new Set<string>();
  for (const [i, group] of indicators.entries()) {
    if (kinds.has(group.unitKind))
      throw Invalid({ [`indicators.${i}.unitKind`]: { rule: 'duplicate' } });
    kinds.add(group.unitKind);
    for (const [j, id] of group.indicatorIds.entries()) {
      if (!known.has(id))
        throw Invalid({ [`indicators.${i}.indicatorIds.${j}`]: { rule: 'notFound' } });
    }
  }
}

async function writeVersion(
  db: Db,
  templateId: number,
  number: number,
  content: Pick<TemplateVersion, 'sections' | 'indicators'>,
) {
  return repo.insertTemplateVersion(db, {
    template_id: templateId,
    number,
    sections_json: JSON.stringify(
      content.sections.map((s) => ({ key: s.key, title: s.title.trim() })),
    ),
    indicators_json: JSON.stringify(content.indicators),
    created_at: nowIso(),
  });
}

export async function createTemplate(
  db: Db,
  ctx: Ctx,
  input: CreateTemplateBody,
): Promise<Template> {
  const tree = await loadUnitTree(db);
  if (!tree.has(input.unitId)) throw Invalid({ unitId: { rule: 'notFound' } });
  if (!canRunPeriods(ctx.actor, input.unitId, tree)) throw Forbidden();
  const sections = input.sections ?? DEFAULT_SECTIONS;
  const indicators = input.indicators ?? [];
  await checkContent(db, sections, indicators);
  const row = await repo.insertTemplate(db, input.unitId, clean(input.name, 'name'), nowIso());
  const version = await writeVersion(db, row.id, 1, { sections, indicators });
  await repo.setTemplateCurrentVersion(db, row.id, version.id);
  const template = presentTemplate({ ...row, current_version_id: version.id }, version);
  await recordAudit(db, ctx, {
    action: 'create',
    unitId: input.unitId,
    entityType: 'template',
    entityId: row.id,
    summary: template.name,
    after: template,
  });
  return template;
}

/** Saves an edit as a new version; periods opened earlier keep theirs. */
export async function updateTemplate(
  db: Db,
  ctx: Ctx,
  id: number,
  input: UpdateTemplateBody,
): Promise<Template> {
  const row = await repo.findTemplate(db, id);
  if (!row) throw NotFound('template');
  if (!canRunPeriods(ctx.actor, row.unit_id, await loadUnitTree(db))) throw Forbidden();
  if (row.version !== input.version) throw StaleVersion('template');
  await checkContent(db, input.sections, input.indicators);
  const current = (await repo.findTemplateVersion(db, row.current_version_id!))!;
  const version = await writeVersion(db, id, current.number + 1, input);
  const updated = await repo.updateTemplate(db, id, input.version, {
    ...(input.name !== undefined && { name: clean(input.name, 'name') }),
    current_version_id: version.id,
    updated_at: nowIso(),
  });
  if (!updated) throw StaleVersion('template');
  const before = presentTemplate(row, current);
  const after = presentTemplate(updated, version);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: row.unit_id,
    entityType: 'template',
    entityId: id,
    summary: after.name,
    before,
    after,
  });
  return after;
}
