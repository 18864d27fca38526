import type { Migration } from 'kysely';
import * as m0101 from './2026-11-29-0101-reports-catalog.ts';
import * as m0102 from './2026-11-29-0102-reports-periods.ts';
import * as m0103 from './2026-11-29-0103-reports-values.ts';

/** Migrations of the reporting feature: names `2026-11-29-01NN-…`. */
export const reportMigrations: Record<string, Migration> = {
  '2026-11-29-0101-reports-catalog': m0101,
  '2026-11-29-0102-reports-periods': m0102,
  '2026-11-29-0103-reports-values': m0103,
};
