import { systemClock, type Clock } from '../clock.ts';
import type { Db } from '../db/schema.ts';

/*
 * The demo tells the story of Thị ủy Từ Sơn in 2017, and a database holding it runs on the
 * demo's calendar: the app's clock starts at DEMO_PRESENT, the morning after the demo's last
 * step (the units' answers to the Quý IV briefing's invitation, 22/12/2017), when the demo is
 * loaded, and moves on with real time from there. So a person trying it sees the Quý III reports
 * "quá hạn 89 ngày", the Quý IV ones three days late, the Quý IV briefing five days ahead and
 * the year's forecasts as of late December, rather than everything nine years overdue. Dates the
 * browser picks (a date picker's "today") still follow the browser's own clock. A feature whose
 * demo adds a later step moves DEMO_PRESENT (test/demo/demo.test.ts checks none is after it).
 */

/** The moment the demo's story stands at when it is loaded (Vietnam time). */
export const DEMO_PRESENT = '2017-12-23T08:00:00+07:00';

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
