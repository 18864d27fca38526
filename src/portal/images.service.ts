import { recordAudit } from '../audit/audit.service.ts';
import { nowIso } from '../db/dialect.ts';
import type { Db } from '../db/schema.ts';
import { Invalid } from '../http/errors.ts';
import type { Ctx } from '../units/roles.ts';
import * as repo from './articles.repository.ts';
import { imagePath } from './articles.presenters.ts';
import type { UploadImageBody } from './articles.schema.ts';
import { requireEditor } from './portal.policy.ts';

export const IMAGE_MAX_BYTES = 700 * 1024;

/** The image type from its first bytes, or null for anything else. */
export function sniffImage(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  if (/^GIF8[79]a/.test(bytes.subarray(0, 6).toString('latin1'))) return 'image/gif';
  return null;
}

export async function uploadImage(db: Db, ctx: Ctx, input: UploadImageBody) {
  requireEditor(ctx);
  const bytes = Buffer.from(input.dataBase64.replace(/^data:[^,]*,/, ''), 'base64');
  if (bytes.length > IMAGE_MAX_BYTES) {
    throw Invalid({ dataBase64: { rule: 'imageSize', params: { limit: IMAGE_MAX_BYTES } } });
  }
  const mime = sniffImage(bytes);
  if (!mime) throw Invalid({ dataBase64: { rule: 'imageType' } });
  const id = await repo.insertImage(db, {
    mime,
    bytes,
    size: bytes.length,
    created_by: ctx.actor.id,
    created_at: nowIso(),
  });
  await recordAudit(db, ctx, {
    action: 'create',
    unitId: null,
    entityType: 'portal_image',
    entityId: id,
    summary: `${mime} ${bytes.length} B`,
  });
  return { id, url: imagePath(id) };
}
