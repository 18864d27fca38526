import type { Transaction } from 'kysely';
import { fixedClock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { demoTime } from '../demo/demo-context.ts';
import { createAccount, createAccountAsOperator } from './accounts.service.ts';
import type { Account } from './accounts.schema.ts';
import { hashPassword } from './passwords.ts';
import type { Actor, Ctx } from './roles.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_TREE,
  DEMO_UNIT_STAFF,
  type DemoAccount,
  type DemoUnit,
} from './units.demo-data.ts';
import { createRootUnitAsOperator, createUnit } from './units.service.ts';

/*
 * The demo's units and accounts, set up as a deployment is: on 03/01/2017 the operator at the
 * server's console creates Thị ủy Từ Sơn and its admin (quantri), who then adds the units under
 * it and everyone's account in the workspace.
 */

const DAY = '2017-01-03';

function actorOf(account: Account): Actor {
  const { id, username, fullName, roles } = account;
  return { id, username, fullName, roles };
}

/** The demo's units and accounts; returns the unit ids by key and the accounts as actors. */
export async function loadUnitsDemo(trx: Transaction<DB>): Promise<{
  unitIds: Map<string, number>;
  actors: Map<string, Actor>;
}> {
  // Every demo account has the same password: scrypt it once (it is the slow part of the demo).
  const shared = hashPassword(DEMO_PASSWORD);
  const options = {
    hashPassword: (p: string) => (p === DEMO_PASSWORD ? shared : hashPassword(p)),
  };
  const unitIds = new Map<string, number>();
  const actors = new Map<string, Actor>();
  const operator = { actor: null, requestId: 'demo', now: fixedClock(demoTime(DAY, '08:00')) };
  const root = await createRootUnitAsOperator(trx, operator, {
    kind: DEMO_TREE.kind,
    name: DEMO_TREE.name,
    shortName: DEMO_TREE.shortName,
  });
  unitIds.set(DEMO_TREE.key, root.id);
  const roles = (a: DemoAccount) =>
    a.roles.map((r) => ({ unitId: unitIds.get(r.unit)!, role: r.role }));
  const input = (a: DemoAccount) => ({
    username: a.username,
    password: DEMO_PASSWORD,
    fullName: a.fullName,
    position: a.position,
    roles: roles(a),
  });
  const [first, ...rest] = DEMO_ACCOUNTS;
  const admin = await createAccountAsOperator(trx, operator, input(first!), options);
  actors.set(admin.username, actorOf(admin));

  const asAdmin: Ctx = {
    actor: actorOf(admin),
    requestId: 'demo',
    now: fixedClock(demoTime(DAY, '08:30')),
  };
  const addChildren = async (unit: DemoUnit) => {
    for (const child of unit.children ?? []) {
      const created = await createUnit(trx, asAdmin, {
        parentId: unitIds.get(unit.key)!,
        kind: child.kind,
        name: child.name,
        shortName: child.shortName,
      });
      unitIds.set(child.key, created.id);
      await addChildren(child);
    }
  };
  await addChildren(DEMO_TREE);
  const later = { ...asAdmin, now: fixedClock(demoTime(DAY, '09:30')) };
  for (const a of [...rest, ...DEMO_UNIT_STAFF]) {
    const account = await createAccount(trx, later, input(a), options);
    actors.set(account.username, actorOf(account));
  }
  return { unitIds, actors };
}
