import { systemClock, type Clock } from '../clock.ts';
import type { Db } from '../db/schema.ts';

/*
 * The demo tells the story of Thị ủy Từ Sơn in the autumn of 2017, and a database holding it
 * runs on the demo's calendar: the app's clock starts at DEMO_PRESENT, the morning after the
 * demo's last step, when the demo is loaded, and moves on with real time from there. So a person
 * trying it sees the Quý III reports "quá hạn 30 ngày", the Quý IV ones due in eight weeks and
 * the year's forecasts as of late October, rather than everything nine years overdue. Dates the
 * browser picks (a date picker's "today") still follow the browser's own clock.
 */

/** The moment the demo's story stands at when it is loaded (Vietnam time). */
export const DEMO_PRESENT = '2017-10-25T08:00:00+07:00';

/** The demo's clock for a demo loaded at `loadedAt` (a real instant, ISO). */
export function demoClock(loadedAt: string, system: Clock = systemClock): Clock {
  const offset = Date.parse(DEMO_PRESENT) - Date.parse(loadedAt);
  return () => new Date(Date.parse(system()) + offset).toISOString();
}

/**
 * When the demo was loaded into this database (the real instant its audit record keeps), or
 * null when the database holds no demo.
 */
export async function demoLoadedAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('audit_log')
    .select(['at', 'after_json'])
    .where('entity_type', '=', 'demo')
    .orderBy('id')
    .executeTakeFirst();
  if (!row) return null;
  const after = row.after_json ? (JSON.parse(row.after_json) as { loadedAt?: unknown }) : {};
  return typeof after.loadedAt === 'string' ? after.loadedAt : row.at;
}

/** The app's clock for a database: the demo's calendar when it holds the demo, else the system's. */
export async function clockFor(db: Db): Promise<Clock> {
  const loadedAt = await demoLoadedAt(db);
  return loadedAt === null ? systemClock : demoClock(loadedAt);
}
