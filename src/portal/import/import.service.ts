import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../audit/audit.service.ts';
import { nowIso } from '../../db/dialect.ts';
import type { DB, Db } from '../../db/schema.ts';
import { fold } from '../../text/index.ts';
import type { Actor } from '../../units/roles.ts';
import * as repo from '../articles.repository.ts';
import { freeSlug } from '../articles.service.ts';
import { escapeHtml } from '../html.ts';
import { bodySearchKey } from '../sanitize.ts';
import { ImportError, parseArticleFile, type ParsedArticle } from './parse.ts';

type Who = { actor: Pick<Actor, 'id' | 'fullName'> | null; requestId: string | null };

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

/**
 * Stores a published article, or updates the one with the same import key. On update the count
 * never goes down: views counted here since the first import are kept (max of the two).
 */
export async function storePublished(db: Db, who: Who, input: StoreInput) {
  const now = nowIso();
  const summary = input.summary ?? '';
  const fields = {
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
  await repo.insertRevision(db, {
    article_id: row.id,
    version: row.version,
    title: row.title,
    summary: row.summary,
    body_html: row.body_html,
    byline: row.byline,
    actor_id: who.actor?.id ?? null,
    actor_name: who.actor?.fullName ?? null,
    created_at: now,
  });
  await recordAudit(db, who, {
    action: existing ? 'update' : 'create',
    unitId: null,
    entityType: 'portal_article',
    entityId: row.id,
    summary: row.title,
    after: {
      title: row.title,
      slug: row.slug,
      publishAt: row.publish_at,
      importKey: input.importKey,
    },
  });
  return { id: row.id, slug: row.slug, created: !existing };
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

/** Imports one parsed article in its own transaction. */
export async function importParsed(
  db: Kysely<DB>,
  file: string,
  parsed: ParsedArticle,
  categoryIds: number[],
) {
  return db.transaction().execute((trx) =>
    storePublished(
      trx,
      { actor: null, requestId: 'import' },
      {
        title: parsed.title,
        bodyHtml: paragraphsToHtml(parsed.paragraphs),
        byline: parsed.byline,
        publishAt: parsed.publishAt,
        views: parsed.views,
        categoryIds,
        importKey: importKey(file, parsed.publishAt),
      },
    ),
  );
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

/** Reads, parses and stores one file; never throws for a bad file, says why instead. */
export async function importFile(
  db: Kysely<DB>,
  file: string,
  categoryIds: number[],
): Promise<ImportOutcome> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_FILE_BYTES) throw new ImportError(`larger than ${MAX_FILE_BYTES} bytes`);
    const parsed = parseArticleFile(file, await fs.readFile(file));
    const stored = await importParsed(db, file, parsed, categoryIds);
    return { file, ok: true, created: stored.created, title: parsed.title, slug: stored.slug };
  } catch (error) {
    if (error instanceof ImportError) return { file, ok: false, reason: error.message };
    const code = (error as { code?: string }).code;
    if (code === 'EACCES' || code === 'EISDIR' || code === 'ENOENT') {
      return { file, ok: false, reason: (error as Error).message };
    }
    throw error;
  }
}
