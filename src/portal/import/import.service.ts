import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { recordAudit, recordAudits, type AuditEvent } from '../../audit/audit.service.ts';
import { nowOf, type Clock } from '../../clock.ts';
import { isBusy, storageProblemOf } from '../../db/dialect.ts';
import type { DB, Db } from '../../db/schema.ts';
import { fold } from '../../text/index.ts';
import type { Actor } from '../../units/roles.ts';
import * as repo from '../articles.repository.ts';
import { freeSlug, freeSlugs } from '../articles.service.ts';
import { escapeHtml } from '../html.ts';
import { bodySearchKey } from '../sanitize.ts';
import { ImportError, parseArticleFile, type ParsedArticle } from './parse.ts';

type Who = {
  actor: Pick<Actor, 'id' | 'fullName'> | null;
  requestId: string | null;
  now?: Clock;
};

/**
 * The key that makes re-importing update instead of duplicate: the source file's name and the
 * article's publish time. A corrected title or body in the same file updates the article; the
 * same file name in two folders is two articles only when their publish times differ.
 */
export function importKey(fileName: string, publishAt: string): string {
  return `${path.basename(fileName).normalize('NFC')}|${publishAt}`;
}

export interface StoreInput {
  title: string;
  summary?: string;
  bodyHtml: string;
  byline: string;
  publishAt: string;
  views: number;
  categoryIds: number[];
  importKey: string | null;
  createdBy?: number | null;
}

/** The stored columns of an article from its input: what costs time (folding) done once. */
function articleFields(input: StoreInput, now: string) {
  const summary = input.summary ?? '';
  return {
    title: input.title,
    title_folded: fold(input.title),
    summary,
    body_html: input.bodyHtml,
    body_folded: bodySearchKey(summary, input.bodyHtml),
    byline: input.byline,
    state: 'published',
    publish_at: input.publishAt,
    updated_at: now,
  };
}
type ArticleFields = ReturnType<typeof articleFields>;

function auditOf(
  created: boolean,
  row: Pick<repo.ArticleRow, 'id' | 'title' | 'slug' | 'publish_at'>,
  importKey: string | null,
): AuditEvent {
  return {
    action: created ? 'create' : 'update',
    unitId: null,
    entityType: 'portal_article',
    entityId: row.id,
    summary: row.title,
    after: { title: row.title, slug: row.slug, publishAt: row.publish_at, importKey },
  };
}

/**
 * Stores a published article, or updates the one with the same import key. On update the count
 * never goes down: views counted here since the first import are kept (max of the two).
 */
export async function storePublished(
  db: Db,
  who: Who,
  input: StoreInput,
  fields = articleFields(input, nowOf(who)),
) {
  const now = fields.updated_at;
  const existing = input.importKey
    ? await repo.findArticleByImportKey(db, input.importKey)
    : undefined;
  let row: repo.ArticleRow;
  if (existing) {
    const updated = await repo.updateArticle(db, existing.id, existing.version, {
      ...fields,
      views: Math.max(Number(existing.views), input.views),
    });
    if (!updated) throw new ImportError('changed by someone else during the import');
    row = updated;
  } else {
    row = await repo.insertArticle(db, {
      ...fields,
      slug: await freeSlug(db, input.title),
      cover_image_id: null,
      cover_alt: '',
      views: input.views,
      import_key: input.importKey,
      created_by: input.createdBy ?? null,
      created_at: now,
    });
  }
  if (!existing || input.categoryIds.length > 0) {
    await repo.setArticleCategories(db, row.id, input.categoryIds);
  }
  await repo.insertRevision(db, repo.revisionRow(who.actor, row));
  await recordAudit(db, who, auditOf(!existing, row, input.importKey));
  return { id: row.id, slug: row.slug, created: !existing };
}

/**
 * Stores new articles (no other has their import keys, and theirs differ) in a few statements
 * for the whole batch: the articles with their search rows and categories, revisions, audit
 * entries. The path of imports at scale; storePublished is the same for one article.
 */
async function insertPublished(
  db: Db,
  who: Who,
  items: ReadonlyArray<{ input: StoreInput; fields: ArticleFields }>,
) {
  if (items.length === 0) return [];
  const slugs = await freeSlugs(
    db,
    items.map((i) => i.input.title),
  );
  const rows = items.map(({ input, fields }, i) => ({
    ...fields,
    slug: slugs[i]!,
    publish_at: input.publishAt,
    import_key: input.importKey,
  }));
  const ids = await repo.insertArticles(
    db,
    items.map(({ input }, i) => ({
      article: {
        ...rows[i]!,
        cover_image_id: null,
        cover_alt: '',
        views: input.views,
        created_by: input.createdBy ?? null,
        created_at: rows[i]!.updated_at,
      },
      categoryIds: input.categoryIds,
    })),
  );
  await repo.insertRevisions(
    db,
    rows.map((r, i) => repo.revisionRow(who.actor, { ...r, id: ids[i]!, version: 1 })),
  );
  await recordAudits(
    db,
    who,
    rows.map((r, i) => auditOf(true, { ...r, id: ids[i]! }, r.import_key)),
  );
  return rows.map((r, i) => ({ id: ids[i]!, slug: r.slug, created: true }));
}

/** The sanitized body of imported paragraphs: one escaped <p> each. */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}

export interface ImportOutcome {
  file: string;
  ok: boolean;
  /** For failures: why the file was not imported. */
  reason?: string;
  created?: boolean;
  title?: string;
  slug?: string;
}

interface ReadFile {
  file: string;
  parsed: ParsedArticle;
}

const IMPORTER: Who = { actor: null, requestId: 'import' };

function inputOf({ file, parsed }: ReadFile, categoryIds: number[]): StoreInput {
  return {
    title: parsed.title,
    bodyHtml: paragraphsToHtml(parsed.paragraphs),
    byline: parsed.byline,
    publishAt: parsed.publishAt,
    views: parsed.views,
    categoryIds,
    importKey: importKey(file, parsed.publishAt),
  };
}

const IMPORTABLE = /\.(txt|html?)$/i;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Every importable file under the given paths (folders walked recursively, sorted). */
export async function collectFiles(
  paths: readonly string[],
): Promise<{ files: string[]; missing: ImportOutcome[] }> {
  const files: string[] = [];
  const missing: ImportOutcome[] = [];
  const walk = async (p: string, explicit: boolean): Promise<void> => {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch {
      missing.push({ file: p, ok: false, reason: 'no such file or folder' });
      return;
    }
    if (stat.isDirectory()) {
      const entries = (await fs.readdir(p)).sort();
      for (const entry of entries) {
        if (!entry.startsWith('.')) await walk(path.join(p, entry), false);
      }
    } else if (explicit || IMPORTABLE.test(p)) files.push(p);
  };
  for (const p of paths) await walk(p, true);
  return { files, missing };
}

/** Reads and parses one file; a file that cannot be read or parsed gives its reason. */
export async function readArticleFile(file: string): Promise<ReadFile | ImportOutcome> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_FILE_BYTES) throw new ImportError(`larger than ${MAX_FILE_BYTES} bytes`);
    return { file, parsed: parseArticleFile(file, await fs.readFile(file)) };
  } catch (error) {
    if (error instanceof ImportError) return { file, ok: false, reason: error.message };
    const code = (error as { code?: string }).code;
    if (code === 'EACCES' || code === 'EISDIR' || code === 'ENOENT' || code === 'EIO') {
      return { file, ok: false, reason: (error as Error).message };
    }
    throw error;
  }
}

/**
 * How many files one transaction stores. Each transaction holds the database's write lock
 * (SQLite has one for the whole file), so it is kept short enough that the app's own writes
 * beside the import wait a few dozen milliseconds at most, and long enough that the import
 * does not pay a commit per file.
 */
export const IMPORT_BATCH = 250;
/** Tries of a batch the database refused as busy, the first one included. */
const BUSY_TRIES = 6;

const done = ({ file, parsed }: ReadFile, stored: { created: boolean; slug: string }) => ({
  file,
  ok: true,
  created: stored.created,
  title: parsed.title,
  slug: stored.slug,
});

/**
 * Stores read files in one transaction, retried while the database is busy (another process
 * writing longer than the busy timeout). When the batch fails for another reason, each file is
 * stored on its own, so one bad file is reported and the others are imported. A storage
 * problem (disk full, read-only) is thrown: every file after it would fail the same way.
 */
export interface ImportOptions {
  categoryIds: number[];
  /** After each file, in order. */
  onFile?: (o: ImportOutcome) => void;
  /** The database refused a batch as busy; it is tried again after `waitMs`. */
  onBusy?: (waitMs: number) => void;
}

export async function storeBatch(
  db: Kysely<DB>,
  files: readonly ReadFile[],
  options: ImportOptions,
): Promise<ImportOutcome[]> {
  const { categoryIds } = options;
  // Everything that takes time but not the database is done before its write lock is taken.
  const now = nowOf(IMPORTER);
  const items = files.map((f) => {
    const input = inputOf(f, categoryIds);
    return { input, fields: articleFields(input, now), key: input.importKey! };
  });
  for (let attempt = 1; ; attempt++) {
    try {
      const stored = await db.transaction().execute(async (trx) => {
        const known = new Set(
          (
            await repo.findArticlesByImportKeys(
              trx,
              items.map((i) => i.key),
            )
          ).map((r) => r.import_key),
        );
        // New keys go in together; a known key, or one repeated in the batch, is an update.
        const fresh = items.filter((i) => {
          const first = !known.has(i.key);
          known.add(i.key);
          return first;
        });
        const inserted = new Map(
          (await insertPublished(trx, IMPORTER, fresh)).map((r, at) => [fresh[at]!, r]),
        );
        const results = [];
        for (const item of items) {
          results.push(
            inserted.get(item) ?? (await storePublished(trx, IMPORTER, item.input, item.fields)),
          );
        }
        return results;
      });
      return files.map((f, i) => done(f, stored[i]!));
    } catch (error) {
      if (storageProblemOf(error)) throw error;
      if (isBusy(error) && attempt < BUSY_TRIES) {
        const waitMs = 100 * 2 ** attempt;
        options.onBusy?.(waitMs);
        await setTimeout(waitMs);
        continue;
      }
      if (files.length === 1) return [{ file: files[0]!.file, ok: false, reason: reasonOf(error) }];
      const outcomes: ImportOutcome[] = [];
      for (const f of files) outcomes.push(...(await storeBatch(db, [f], options)));
      return outcomes;
    }
  }
}

function reasonOf(error: unknown): string {
  if (isBusy(error)) return 'the database stayed busy (locked by another process); import it again';
  return error instanceof Error ? error.message : String(error);
}

/** Reads, parses and stores files, IMPORT_BATCH per transaction; one outcome per file, in order. */
export async function importFiles(
  db: Kysely<DB>,
  files: readonly string[],
  options: ImportOptions,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (let at = 0; at < files.length; at += IMPORT_BATCH) {
    const read = await Promise.all(files.slice(at, at + IMPORT_BATCH).map(readArticleFile));
    const stored = await storeBatch(
      db,
      read.filter((r): r is ReadFile => 'parsed' in r),
      options,
    );
    let next = 0;
    for (const r of read) {
      const outcome = 'parsed' in r ? stored[next++]! : r;
      outcomes.push(outcome);
      options.onFile?.(outcome);
    }
  }
  return outcomes;
}
