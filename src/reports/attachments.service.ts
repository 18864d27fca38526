import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { AppError, NotFound } from '../http/errors.ts';
import type { Ctx } from '../units/roles.ts';
import { loadReadable } from './report-access.ts';
import * as repo from './reports.repository.ts';
import { loadForEdit } from './reports.service.ts';

/** Attachments are stored in the database (one backup holds everything), so they are capped. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

/** Allowed types by extension, with the MIME type the file is served as. */
const ALLOWED: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** The MIME type a file name is served as, or null when its type is not allowed. */
export function allowedType(fileName: string): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return ALLOWED[ext] ?? null;
}

const FILE_NAME_MAX = 255;

/** The base name without path or characters file systems refuse, at most 255 characters with its extension kept. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'tep';
  const safe = [...base]
    .map((ch) => (ch.charCodeAt(0) < 32 || '"<>|:*?'.includes(ch) ? '_' : ch))
    .join('');
  const chars = [...safe];
  if (chars.length <= FILE_NAME_MAX) return safe || 'tep';
  // Cut the stem, not the extension: the extension decides the type and how it opens.
  const dot = safe.lastIndexOf('.');
  const ext = dot > 0 ? [...safe.slice(dot)] : [];
  const keep = ext.length > 0 && ext.length <= 16 ? ext : [];
  return [
    ...chars.slice(0, chars.length - keep.length).slice(0, FILE_NAME_MAX - keep.length),
    ...keep,
  ].join('');
}

/** A file's cleaned name and MIME type, refused (415, 413) when its type or size is not allowed. */
export function checkFile(file: { fileName: string; data: Buffer }): {
  fileName: string;
  mime: string;
} {
  const fileName = cleanFileName(file.fileName);
  const mime = allowedType(fileName);
  if (!mime)
    throw new AppError(415, 'file_type_not_allowed', { type: fileName.split('.').pop() ?? '' });
  if (file.data.length > ATTACHMENT_MAX_BYTES)
    throw new AppError(413, 'file_too_large', { limit: '5 MB' });
  return { fileName, mime };
}

export async function addAttachment(
  db: Db,
  ctx: Ctx,
  reportId: number,
  version: number,
  file: { fileName: string; data: Buffer },
) {
  const { row: report } = await loadForEdit(db, ctx, reportId, version);
  const { fileName, mime } = checkFile(file);
  const row = await repo.insertAttachment(db, {
    report_id: reportId,
    file_name: fileName,
    mime_type: mime,
    size: file.data.length,
    data: file.data,
    uploaded_by: ctx.actor.id,
    uploaded_by_name: ctx.actor.fullName,
    created_at: nowOf(ctx),
  });
  await recordAudit(db, ctx, {
    action: 'create',
    unitId: report.unit_id,
    entityType: 'attachment',
    entityId: row.id,
    summary: fileName,
    after: { reportId, fileName, size: row.size },
  });
  return {
    id: row.id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    size: row.size,
    uploadedByName: row.uploaded_by_name,
    createdAt: row.created_at,
  };
}

export async function getAttachment(db: Db, ctx: Ctx, id: number) {
  const row = await repo.findAttachment(db, id);
  if (!row) throw NotFound('attachment');
  await loadReadable(db, ctx, row.report_id);
  return { fileName: row.file_name, mimeType: row.mime_type, data: Buffer.from(row.data) };
}

/** Removes an attachment while the report is a draft (the caller sends the report's version). */
export async function deleteAttachment(db: Db, ctx: Ctx, id: number, version: number) {
  const row = await repo.findAttachment(db, id);
  if (!row) throw NotFound('attachment');
  const { row: report } = await loadForEdit(db, ctx, row.report_id, version);
  await repo.deleteAttachment(db, id);
  await recordAudit(db, ctx, {
    action: 'delete',
    unitId: report.unit_id,
    entityType: 'attachment',
    entityId: id,
    summary: row.file_name,
    before: { reportId: row.report_id, fileName: row.file_name },
  });
}
