import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/schema.ts';
import type {
  IndicatorRow,
  IndicatorTable,
  TemplateRow,
  TemplateVersionRow,
} from './reports.tables.ts';

export function findSetting(db: Db, key: string) {
  return db.selectFrom('report_settings').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function insertSetting(db: Db, key: string, valueJson: string, at: string) {
  return db
    .insertInto('report_settings')
    .values({ key, value_json: valueJson, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateSetting(db: Db, key: string, version: number, valueJson: string, at: string) {
  return db
    .updateTable('report_settings')
    .set((eb) => ({ value_json: valueJson, updated_at: at, version: eb('version', '+', 1) }))
    .where('key', '=', key)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function listIndicators(db: Db): Promise<IndicatorRow[]> {
  return db.selectFrom('indicators').selectAll().orderBy('sort_order').orderBy('id').execute();
}

export function findIndicator(db: Db, id: number): Promise<IndicatorRow | undefined> {
  return db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findIndicatorByCode(db: Db, code: string): Promise<IndicatorRow | undefined> {
  return db.selectFrom('indicators').selectAll().where('code', '=', code).executeTakeFirst();
}

export function insertIndicator(db: Db, row: Insertable<IndicatorTable>): Promise<IndicatorRow> {
  return db.insertInto('indicators').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function nextIndicatorOrder(db: Db): Promise<number> {
  const row = await db
    .selectFrom('indicators')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export function updateIndicator(
  db: Db,
  id: number,
  version: number,
  patch: Updateable<IndicatorTable>,
): Promise<IndicatorRow | undefined> {
  return db
    .updateTable('indicators')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function listTemplates(db: Db): Promise<TemplateRow[]> {
  return db.selectFrom('report_templates').selectAll().orderBy('id').execute();
}

export function findTemplate(db: Db, id: number): Promise<TemplateRow | undefined> {
  return db.selectFrom('report_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertTemplate(db: Db, unitId: number, name: string, at: string) {
  return db
    .insertInto('report_templates')
    .values({ unit_id: unitId, name, current_version_id: null, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateTemplate(
  db: Db,
  id: number,
  version: number,
  patch: { name?: string; current_version_id?: number; updated_at: string },
): Promise<TemplateRow | undefined> {
  return db
    .updateTable('report_templates')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function setTemplateCurrentVersion(db: Db, id: number, versionId: number) {
  await db
    .updateTable('report_templates')
    .set({ current_version_id: versionId })
    .where('id', '=', id)
    .execute();
}

export function insertTemplateVersion(
  db: Db,
  row: {
    template_id: number;
    number: number;
    sections_json: string;
    indicators_json: string;
    created_at: string;
  },
): Promise<TemplateVersionRow> {
  return db
    .insertInto('report_template_versions')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findTemplateVersion(db: Db, id: number): Promise<TemplateVersionRow | undefined> {
  return db
    .selectFrom('report_template_versions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listTemplateVersions(db: Db, ids: number[]): Promise<TemplateVersionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('report_template_versions').selectAll().where('id', 'in', ids).execute();
}
