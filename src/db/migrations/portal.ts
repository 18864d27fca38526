import type { Migration } from 'kysely';

/** Migrations of the portal feature: names `2026-11-29-02NN-…`. */
export const portalMigrations: Record<string, Migration> = {};
