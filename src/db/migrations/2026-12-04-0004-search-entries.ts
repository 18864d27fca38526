import type { Kysely } from 'kysely';
import { createFullTextIndex, dropFullTextIndex, withId } from '../dialect.ts';
import { putSearchEntries, searchText, type SearchEntry } from '../search-index.ts';

// Frozen: never edit after it has landed; add a new migration instead.
// The workspace's search index (search_entries; on SQLite its FTS5 table search_fts, on
// PostgreSQL a stored search_vector with its GIN index), filled here from the records that
// exist: reports, proposals, minutes, conclusions with their directives, tasks. From now on
// each feature writes its rows in the transaction of the change. Migrations run in name order,
// so on a new database this one comes before the meetings' and tasks' tables: a kind whose
// tables do not exist yet has nothing to fill.

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('search_entries'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'integer')
    .addColumn('unit_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_folded', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_folded', 'text', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('search_entries_subject_key', ['kind', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('search_entries_parent_idx')
    .on('search_entries')
    .columns(['kind', 'parent_id'])
    .execute();
  await createFullTextIndex(db, 'search_entries', 'search_fts');
  await backfill(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropFullTextIndex(db, 'search_entries', 'search_fts');
  await db.schema.dropTable('search_entries').execute();
}

/** The columns the backfill reads, as the tables are when this migration runs. */
interface Tables {
  unit_reports: {
    id: number;
    period_id: number;
    unit_id: number;
    sections_json: string;
    updated_at: string;
  };
  report_periods: { id: number; name: string };
  units: { id: number; name: string };
  report_proposals: {
    id: number;
    report_id: number;
    text: string;
    answer: string | null;
    updated_at: string;
  };
  meetings: { id: number; unit_id: number; title: string; starts_at: string };
  meeting_minutes: { meeting_id: number; body_json: string; updated_by: number | null };
  meeting_conclusions: {
    meeting_id: number;
    acknowledged: string;
    shortcomings: string;
    updated_by: number | null;
  };
  meeting_directives: { meeting_id: number; position: number; text: string };
  tasks: {
    id: number;
    lead_unit_id: number;
    title: string;
    details: string;
    expected_result: string;
    source_document: string | null;
    created_at: string;
  };
}

const sections = (json: string) => Object.values(JSON.parse(json) as Record<string, string>);

async function backfill(migrating: Kysely<any>): Promise<void> {
  const db = migrating as Kysely<Tables>;
  const now = new Date().toISOString();
  const entries: SearchEntry[] = [];
  const tables = new Set((await migrating.introspection.getTables()).map((t) => t.name));
  const has = (...names: string[]) => names.every((n) => tables.has(n));
  if (!has('unit_reports', 'report_proposals')) return;
  const reports = await db
    .selectFrom('unit_reports as r')
    .innerJoin('report_periods as p', 'p.id', 'r.period_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.unit_id',
      'r.sections_json',
      'r.updated_at',
      'p.name as period',
      'u.name as unit',
    ])
    .execute();
  const reportById = new Map(reports.map((r) => [r.id, r]));
  // What was never written (a report never saved, minutes and a conclusion never saved) has
  // no row, as when the features write them.
  for (const r of reports) {
    if (r.sections_json === '{}') continue;
    entries.push({
      kind: 'report',
      subjectId: r.id,
      unitId: r.unit_id,
      title: `Báo cáo ${r.period} – ${r.unit}`,
      body: searchText(sections(r.sections_json), true),
      at: r.updated_at,
    });
  }
  for (const p of await db.selectFrom('report_proposals').selectAll().execute()) {
    const r = reportById.get(p.report_id);
    if (!r) continue;
    entries.push({
      kind: 'proposal',
      subjectId: p.id,
      parentId: p.report_id,
      unitId: r.unit_id,
      title: `Kiến nghị – ${r.unit}, ${r.period}`,
      body: searchText([p.text, p.answer]),
      at: p.updated_at,
    });
  }
  await putSearchEntries(migrating, entries.splice(0), now);
  if (!has('meetings', 'meeting_minutes', 'meeting_conclusions', 'meeting_directives')) return;
  const meetings = new Map(
    (await db.selectFrom('meetings').selectAll().execute()).map((m) => [m.id, m]),
  );
  for (const mi of await db.selectFrom('meeting_minutes').selectAll().execute()) {
    if (mi.updated_by === null) continue;
    const m = meetings.get(mi.meeting_id);
    if (!m) continue;
    const body = JSON.parse(mi.body_json) as { speeches: Record<string, string>; closing: string };
    entries.push({
      kind: 'minutes',
      subjectId: m.id,
      unitId: m.unit_id,
      title: `Biên bản: ${m.title}`,
      body: searchText([...Object.values(body.speeches), body.closing], true),
      at: m.starts_at,
    });
  }
  const directives = await db
    .selectFrom('meeting_directives')
    .selectAll()
    .orderBy('position')
    .execute();
  for (const c of await db.selectFrom('meeting_conclusions').selectAll().execute()) {
    if (c.updated_by === null) continue;
    const m = meetings.get(c.meeting_id);
    if (!m) continue;
    entries.push({
      kind: 'conclusion',
      subjectId: m.id,
      unitId: m.unit_id,
      title: `Kết luận: ${m.title}`,
      body: [
        searchText([c.acknowledged, c.shortcomings], true),
        searchText(directives.filter((d) => d.meeting_id === m.id).map((d) => d.text)),
      ]
        .filter((t) => t !== '')
        .join('\n'),
      at: m.starts_at,
    });
  }
  await putSearchEntries(migrating, entries.splice(0), now);
  if (!has('tasks')) return;
  for (const t of await db.selectFrom('tasks').selectAll().execute()) {
    entries.push({
      kind: 'task',
      subjectId: t.id,
      unitId: t.lead_unit_id,
      title: t.title,
      body: searchText([t.details, t.expected_result, t.source_document]),
      at: t.created_at,
    });
  }
  await putSearchEntries(migrating, entries, now);
}
