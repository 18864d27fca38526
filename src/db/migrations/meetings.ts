import type { Migration } from 'kysely';
import * as m0301 from './2026-12-04-0301-meetings-core.ts';

/** Migrations of the meeting feature: names `<date>-03NN-meetings-…`. */
export const meetingMigrations: Record<string, Migration> = {
  '2026-12-04-0301-meetings-core': m0301,
};
