import type { Migration } from 'kysely';
import * as m0301 from './2026-12-04-0301-meetings-core.ts';
import * as m0302 from './2026-12-04-0302-meetings-summaries.ts';

/** Migrations of the meeting feature: names `<date>-03NN-meetings-…`. */
export const meetingMigrations: Record<string, Migration> = {
  '2026-12-04-0301-meetings-core': m0301,
  '2026-12-04-0302-meetings-summaries': m0302,
};
