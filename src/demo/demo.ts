import { recordAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { nowIso } from '../db/dialect.ts';
import { fold } from '../text/index.ts';
import { replaceRoles, insertAccount } from '../units/accounts.repository.ts';
import { hashPassword } from '../units/passwords.ts';
import { insertUnit } from '../units/units.repository.ts';
import { loadFeatureDemos } from './feature-demos.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TREE, type DemoUnit } from './demo-data.ts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

/** True when the database holds no unit yet: the demo is only ever loaded into an empty one. */
export async function isEmpty(db: Database): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Loads the Từ Sơn demo in one transaction. Returns false (and changes nothing) when the
 * database already has units, so it never mixes with real data.
 */
export async function loadDemo(db: Database): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, number>();
    const now = nowIso();
    const insert = async (unit: DemoUnit, parentId: number | null, order: number) => {
      const row = await insertUnit(trx, {
        parent_id: parentId,
        kind: unit.kind,
        name: unit.name,
        name_folded: fold(unit.name),
        short_name: unit.shortName,
        sort_order: order,
        active: 1,
        created_at: now,
        updated_at: now,
      });
      ids.set(unit.key, row.id);
      for (const [i, child] of (unit.children ?? []).entries()) await insert(child, row.id, i);
    };
    await insert(DEMO_TREE, null, 0);
    const accountIds = new Map<string, number>();
    for (const account of DEMO_ACCOUNTS) {
      const row = await insertAccount(trx, {
        username: account.username,
        password_hash: passwordHash,
        full_name: account.fullName,
        full_name_folded: fold(account.fullName),
        position: account.position,
        active: 1,
        created_at: now,
        updated_at: now,
      });
      await replaceRoles(
        trx,
        row.id,
        account.roles.map((r) => ({ unitId: ids.get(r.unit)!, role: r.role })),
      );
      accountIds.set(account.username, row.id);
    }
    await loadFeatureDemos({ trx, unitIds: ids, accountIds });
    await recordAudit(
      trx,
      { actor: null, requestId: null },
      {
        action: 'create',
        unitId: null,
        entityType: 'demo',
        entityId: null,
        summary: 'Dữ liệu mẫu Thị ủy Từ Sơn',
        after: { units: ids.size, accounts: DEMO_ACCOUNTS.length },
      },
    );
  });
  return true;
}
