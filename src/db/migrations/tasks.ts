import type { Migration } from 'kysely';
import * as m0401 from './2026-12-04-0401-tasks-core.ts';
import * as m0402 from './2026-12-04-0402-tasks-updates.ts';
import * as m0405 from './2026-12-04-0405-tasks-overview-indexes.ts';

/** Migrations of the task feature: names `<date>-04NN-tasks-…`. */
export const taskMigrations: Record<string, Migration> = {
  '2026-12-04-0401-tasks-core': m0401,
  '2026-12-04-0402-tasks-updates': m0402,
  '2026-12-04-0405-tasks-overview-indexes': m0405,
};
