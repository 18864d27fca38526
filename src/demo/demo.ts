import { recordAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { loadUnitsDemo } from '../units/units.demo.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../units/units.demo-data.ts';
import { loadFeatureDemos } from './feature-demos.ts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

/** True when the database holds no unit yet: the demo is only ever loaded into an empty one. */
export async function isEmpty(db: Database): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Loads the Từ Sơn demo in one transaction. Returns false (and changes nothing) when the
 * database already has units, so it never mixes with real data. Each feature builds its own
 * demo (src/<feature>/<feature>.demo.ts); this only orders them.
 */
export async function loadDemo(db: Database): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  await db.transaction().execute(async (trx) => {
    const { unitIds, accountIds } = await loadUnitsDemo(trx);
    await loadFeatureDemos({ trx, unitIds, accountIds });
    await recordAudit(
      trx,
      { actor: null, requestId: null },
      {
        action: 'create',
        unitId: null,
        entityType: 'demo',
        entityId: null,
        summary: 'Dữ liệu mẫu Thị ủy Từ Sơn',
        after: { units: unitIds.size, accounts: DEMO_ACCOUNTS.length },
      },
    );
  });
  return true;
}
