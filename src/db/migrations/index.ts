import type { Migration } from 'kysely';
import * as m0001 from './2026-11-29-0001-units-accounts-audit.ts';
import * as m0002 from './2026-12-01-0002-audit-unit.ts';
import * as m0003 from './2026-12-04-0003-notifications-core.ts';
import * as m0004 from './2026-12-04-0004-search-entries.ts';
import { meetingMigrations } from './meetings.ts';
import { portalMigrations } from './portal.ts';
import { reportMigrations } from './reports.ts';
import { taskMigrations } from './tasks.ts';

/**
 * Every migration, by name; Kysely applies them in name order. Listed statically (not read from
 * the folder) so the same list works from TypeScript sources and from the compiled build. Each
 * feature lists its own in a file beside this one.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-29-0001-units-accounts-audit': m0001,
  '2026-12-01-0002-audit-unit': m0002,
  '2026-12-04-0003-notifications-core': m0003,
  ...reportMigrations,
  ...portalMigrations,
  ...meetingMigrations,
  ...taskMigrations,
  '2026-12-04-0004-search-entries': m0004,
};
