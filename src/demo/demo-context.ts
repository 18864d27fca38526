import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/** What each feature's demo loader gets: the transaction and the demo's ids by key. */
export interface DemoContext {
  trx: Transaction<DB>;
  unitIds: ReadonlyMap<string, number>;
  accountIds: ReadonlyMap<string, number>;
}
