import type { Db } from '../db/schema.ts';

/**
 * Takes or renews the lease `name` for `holder` until `expiresAt`. True when the caller holds it
 * now: the row was free, expired, or already the caller's.
 */
export async function acquireLease(
  db: Db,
  name: string,
  holder: string,
  nowIso: string,
  expiresAt: string,
): Promise<boolean> {
  const updated = await db
    .updateTable('job_leases')
    .set({ holder, expires_at: expiresAt })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('holder', '=', holder), eb('expires_at', '<', nowIso)]))
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return true;
  const inserted = await db
    .insertInto('job_leases')
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning('name')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Gives the lease up at once (on shutdown), so another instance takes over without waiting. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.deleteFrom('job_leases').where('name', '=', name).where('holder', '=', holder).execute();
}
