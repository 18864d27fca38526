import { recordAudit } from '../audit/audit.service.ts';
import { fixedClock, systemClock, type Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { loadUnitsDemo } from '../units/units.demo.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_UNIT_STAFF } from '../units/units.demo-data.ts';
import type { DemoContext } from './demo-context.ts';
import { loadFeatureDemos } from './feature-demos.ts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_UNIT_STAFF };

/** True when the database holds no unit yet: the demo is only ever loaded into an empty one. */
export async function isEmpty(db: Database): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Loads the Từ Sơn demo in one transaction. Returns false (and changes nothing) when the
 * database already has units, so it never mixes with real data. Each feature builds its own
 * demo through its services (src/<feature>/<feature>.demo.ts); this only orders them.
 * `present` is the clock of whoever loads it (the app's), for what must lie in their future:
 * `giaoban serve` and `giaoban demo` pass the demo's own calendar (demo-clock.ts), tests the
 * system clock or a fixed one.
 */
export async function loadDemo(db: Database, present: Clock = systemClock): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  // The real moment, kept in the demo's audit record: the demo's calendar runs from it.
  const loadedAt = systemClock();
  await db.transaction().execute(async (trx) => {
    const { unitIds, actors } = await loadUnitsDemo(trx);
    const demo: DemoContext = {
      trx,
      unitIds,
      present,
      as(username, at) {
        const actor = actors.get(username);
        if (!actor) throw new Error(`no demo account ${username}`);
        return { actor, requestId: 'demo', now: fixedClock(at) };
      },
      holder(role, unitKey) {
        const unitId = unitIds.get(unitKey);
        const found = [...actors.values()].find((a) =>
          a.roles.some((r) => r.role === role && r.unitId === unitId),
        );
        if (!found) throw new Error(`no demo ${role} in ${unitKey}`);
        return found.username;
      },
    };
    await loadFeatureDemos(demo);
    await recordAudit(
      trx,
      { actor: null, requestId: 'demo', now: present },
      {
        action: 'create',
        unitId: null,
        entityType: 'demo',
        entityId: null,
        summary: 'Dữ liệu mẫu Thị ủy Từ Sơn',
        after: { units: unitIds.size, accounts: actors.size, loadedAt },
      },
    );
  });
  return true;
}
