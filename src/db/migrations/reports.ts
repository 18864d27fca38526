import type { Migration } from 'kysely';
import * as m0101 from './2026-11-29-0101-reports-catalog.ts';
import * as m0102 from './2026-11-29-0102-reports-periods.ts';
import * as m0103 from './2026-11-29-0103-reports-values.ts';
import * as m0104 from './2026-11-29-0104-reports-year-figures.ts';
import * as m0105 from './2026-12-01-0105-reports-unit-year-figures.ts';
import * as m0106 from './2026-12-02-0106-reports-official-figures.ts';

/** Migrations of the reporting feature: names `<date>-01NN-reports-…`. */
export const reportMigrations: Record<string, Migration> = {
  '2026-11-29-0101-reports-catalog': m0101,
  '2026-11-29-0102-reports-periods': m0102,
  '2026-11-29-0103-reports-values': m0103,
  '2026-11-29-0104-reports-year-figures': m0104,
  '2026-12-01-0105-reports-unit-year-figures': m0105,
  '2026-12-02-0106-reports-official-figures': m0106,
};
