import type { Migration } from 'kysely';

/** Migrations of the reporting feature: names `2026-11-29-01NN-…`. */
export const reportMigrations: Record<string, Migration> = {};
