import type { Migration } from 'kysely';
import * as m0001 from './2026-11-29-0001-units-accounts-audit.ts';

/**
 * Every migration, by name. Listed statically (not read from the folder) so the same list works
 * from TypeScript sources and from the compiled build.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-29-0001-units-accounts-audit': m0001,
};
