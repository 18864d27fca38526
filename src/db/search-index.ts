import { sql, type Kysely } from 'kysely';
import { htmlToText } from '../text/rich-text.ts';
import { fold } from '../text/index.ts';
import { syncFullTextRows, type FullTextIndex } from './dialect.ts';
import type { Db } from './schema.ts';

/*
 * The workspace's search index: one row per searchable record (a report, a proposal, a
 * meeting's minutes, a conclusion with its directives, a task), written by the feature that
 * owns the record in the same transaction as the change, through putSearchEntry. The index
 * knows no feature: a row says its kind, the record's id, the record it belongs to (a
 * proposal's report) and the unit it is filed under; who may open it is asked of the
 * feature at search time (src/search/). It is searched by the app's one full-text mechanism
 * (src/db/full-text.ts), like the portal's articles.
 */

export const SEARCH_KINDS = ['report', 'proposal', 'minutes', 'conclusion', 'task'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The workspace index (search_entries, its FTS5 table search_fts on SQLite). */
export const WORKSPACE_INDEX: FullTextIndex = {
  table: 'search_entries',
  fts: 'search_fts',
  at: 'at',
};

/** The longest body kept for snippets and the index; longer texts are cut. */
export const SEARCH_BODY_LIMIT = 200_000;

export interface SearchEntry {
  kind: SearchKind;
  subjectId: number;
  /** The record it belongs to (a proposal's report), if any. */
  parentId?: number | null;
  unitId: number | null;
  title: string;
  /** Plain text, or HTML when `html` is set (reduced to its text). */
  body: string;
  html?: boolean;
  /** The record's time (newest ranks first among equals). */
  at: string;
}

/** The text of a search body: HTML parts reduced to text, joined by lines. */
export function searchText(parts: ReadonlyArray<string | null | undefined>, html = false): string {
  return parts
    .filter((p): p is string => !!p && p.trim() !== '')
    .map((p) => (html ? htmlToText(p) : p.replace(/\s+/g, ' ').trim()))
    .filter((p) => p !== '')
    .join('\n');
}

/** Writes (replaces) the index rows of these records. */
export async function putSearchEntries(
  db: Db,
  entries: readonly SearchEntry[],
  now: string,
): Promise<void> {
  if (entries.length === 0) return;
  for (const kind of new Set(entries.map((e) => e.kind)))
    await removeSearchEntries(
      db,
      kind,
      entries.filter((e) => e.kind === kind).map((e) => e.subjectId),
    );
  const rows = entries.map((e) => {
    const body = (e.html ? htmlToText(e.body, { lines: true }) : e.body).slice(
      0,
      SEARCH_BODY_LIMIT,
    );
    return {
      kind: e.kind,
      subject_id: e.subjectId,
      parent_id: e.parentId ?? null,
      unit_id: e.unitId,
      title: e.title,
      title_folded: fold(e.title),
      body,
      body_folded: fold(body),
      at: e.at,
      updated_at: now,
    };
  });
  for (let at = 0; at < rows.length; at += 100) {
    const inserted = await db
      .insertInto('search_entries')
      .values(rows.slice(at, at + 100))
      .returning(['id', 'title_folded', 'body_folded'])
      .execute();
    await syncFullTextRows(
      db as Kysely<unknown>,
      WORKSPACE_INDEX.fts,
      inserted.map((r) => ({ id: r.id, title: r.title_folded, body: r.body_folded })),
    );
  }
}

/** Writes one record's index row. */
export async function putSearchEntry(db: Db, entry: SearchEntry, now: string): Promise<void> {
  await putSearchEntries(db, [entry], now);
}

/** Removes the index rows of these records. */
export async function removeSearchEntries(
  db: Db,
  kind: SearchKind,
  subjectIds: readonly number[],
): Promise<void> {
  if (subjectIds.length === 0) return;
  for (let at = 0; at < subjectIds.length; at += 500) {
    const gone = await db
      .deleteFrom('search_entries')
      .where('kind', '=', kind)
      .where('subject_id', 'in', subjectIds.slice(at, at + 500))
      .returning('id')
      .execute();
    await syncFullTextRows(
      db as Kysely<unknown>,
      WORKSPACE_INDEX.fts,
      gone.map((r) => ({ id: r.id, title: null, body: '' })),
    );
  }
}

/** Replaces the rows of a kind that belong to one record (a report's proposals). */
export async function replaceSearchEntriesOf(
  db: Db,
  kind: SearchKind,
  parentId: number,
  entries: readonly SearchEntry[],
  now: string,
): Promise<void> {
  const old = await db
    .selectFrom('search_entries')
    .select('subject_id')
    .where('kind', '=', kind)
    .where('parent_id', '=', parentId)
    .execute();
  await removeSearchEntries(
    db,
    kind,
    old.map((r) => r.subject_id),
  );
  await putSearchEntries(
    db,
    entries.map((e) => ({ ...e, parentId })),
    now,
  );
}

export interface StoredEntry {
  id: number;
  kind: SearchKind;
  subjectId: number;
  parentId: number | null;
  unitId: number | null;
  title: string;
  body: string;
  at: string;
}

/** The stored rows of some index ids (for presenting results). */
export async function entriesByIds(db: Db, ids: readonly number[]): Promise<StoredEntry[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('search_entries')
    .select(['id', 'kind', 'subject_id', 'parent_id', 'unit_id', 'title', 'body', 'at'])
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as SearchKind,
    subjectId: r.subject_id,
    parentId: r.parent_id,
    unitId: r.unit_id,
    title: r.title,
    body: r.body,
    at: r.at,
  }));
}

/** The kinds condition of a workspace search, on the rows named `a`. */
export function kindFilter(kinds: readonly SearchKind[]) {
  return (a: string) => [sql`${sql.ref(`${a}.kind`)} IN (${sql.join([...kinds])})`];
}

/** The kind and record of some index ids (what the search asks the features about). */
export async function entryKeys(
  db: Db,
  ids: readonly number[],
): Promise<Array<{ id: number; kind: SearchKind; subjectId: number }>> {
  const out: Array<{ id: number; kind: SearchKind; subjectId: number }> = [];
  for (let at = 0; at < ids.length; at += 500) {
    const rows = await db
      .selectFrom('search_entries')
      .select(['id', 'kind', 'subject_id'])
      .where('id', 'in', ids.slice(at, at + 500))
      .execute();
    for (const r of rows)
      out.push({ id: r.id, kind: r.kind as SearchKind, subjectId: r.subject_id });
  }
  return out;
}
