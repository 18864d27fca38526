import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { loadPortalDemo } from './portal-demo.ts';
import { loadReportsDemo } from './reports-demo.ts';

/** What each feature's demo loader gets: the transaction and the demo's ids by key. */
export interface DemoContext {
  trx: Transaction<DB>;
  unitIds: ReadonlyMap<string, number>;
  accountIds: ReadonlyMap<string, number>;
}

/** Loads the demo data of the features beyond units and accounts, in dependency order. */
export async function loadFeatureDemos(ctx: DemoContext): Promise<void> {
  await loadReportsDemo(ctx);
  await loadPortalDemo(ctx);
}
