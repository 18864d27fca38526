import type { Transaction } from 'kysely';
import { nowIso } from '../db/dialect.ts';
import type { DB } from '../db/schema.ts';
import { fold } from '../text/index.ts';
import { replaceRoles, insertAccount } from './accounts.repository.ts';
import { hashPassword } from './passwords.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TREE, type DemoUnit } from './units.demo-data.ts';
import { insertUnit } from './units.repository.ts';

/** The demo's units and accounts; returns their ids by key (unit key, username). */
export async function loadUnitsDemo(trx: Transaction<DB>): Promise<{
  unitIds: Map<string, number>;
  accountIds: Map<string, number>;
}> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
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
  return { unitIds: ids, accountIds };
}
