import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../test-support/engines.ts';
import { buildAccount, buildUnit, ctxFor } from '../test-support/factories.ts';
import { AppError } from '../http/errors.ts';
import * as units from './units.service.ts';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'ok';
}

describeEachEngine('units service', (db) => {
  async function setup() {
    const root = await buildUnit(db(), { kind: 'party_committee', name: 'Thị ủy Thử' });
    const admin = await buildAccount(db(), { roles: [{ unitId: root.id, role: 'admin' }] });
    return { root, ctx: ctxFor(admin) };
  }

  it('creates, renames and deactivates a unit, recording each change with before and after', async () => {
    const { root, ctx } = await setup();
    const unit = await units.createUnit(db(), ctx, {
      parentId: root.id,
      kind: 'mass_organization',
      name: '  Hội   Nông dân ',
      shortName: 'Hội ND',
    });
    expect(unit).toMatchObject({
      name: 'Hội Nông dân',
      parentId: root.id,
      active: true,
      version: 1,
    });

    const renamed = await units.updateUnit(db(), ctx, unit.id, {
      version: 1,
      name: 'Hội Nông dân thị xã',
    });
    expect(renamed.version).toBe(2);
    const inactive = await units.updateUnit(db(), ctx, unit.id, { version: 2, active: false });
    expect(inactive.active).toBe(false);

    const log = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'unit')
      .where('entity_id', '=', String(unit.id))
      .orderBy('id')
      .execute();
    expect(log.map((l) => l.action)).toEqual(['create', 'update', 'update']);
    expect(JSON.parse(log[1]!.before_json!)).toMatchObject({ name: 'Hội Nông dân' });
    expect(JSON.parse(log[1]!.after_json!)).toMatchObject({ name: 'Hội Nông dân thị xã' });
    expect(log[0]!.actor_id).toBe(ctx.actor.id);
  });

  it('refuses a stale version with 409 and keeps the first save', async () => {
    const { root, ctx } = await setup();
    const unit = await units.createUnit(db(), ctx, {
      parentId: root.id,
      kind: 'other',
      name: 'Chi bộ A',
    });
    await units.updateUnit(db(), ctx, unit.id, { version: 1, name: 'Chi bộ B' });
    expect(
      await codeOf(units.updateUnit(db(), ctx, unit.id, { version: 1, name: 'Chi bộ C' })),
    ).toBe('409 conflict');
    expect((await units.getUnit(db(), unit.id)).name).toBe('Chi bộ B');
  });

  it('moves a unit to a position under a new parent and renumbers both sibling lists', async () => {
    const { root, ctx } = await setup();
    const a = await buildUnit(db(), { parentId: root.id, name: 'A' });
    const b = await buildUnit(db(), { parentId: root.id, name: 'B' });
    const c = await buildUnit(db(), { parentId: root.id, name: 'C' });
    const x = await buildUnit(db(), { parentId: a.id, name: 'X' });

    await units.moveUnit(db(), ctx, c.id, { version: c.version, parentId: root.id, position: 0 });
    const order = async (parentId: number) =>
      (await units.listUnits(db())).filter((u) => u.parentId === parentId).map((u) => u.name);
    expect(await order(root.id)).toEqual(['C', 'A', 'B']);

    await units.moveUnit(db(), ctx, b.id, { version: b.version, parentId: a.id, position: 0 });
    expect(await order(a.id)).toEqual(['B', 'X']);
    expect(await order(root.id)).toEqual(['C', 'A']);
    const siblings = (await units.listUnits(db())).filter((u) => u.parentId === root.id);
    expect(siblings.map((u) => u.sortOrder)).toEqual([0, 1]);
    void x;
  });

  it('refuses to move a unit under itself or its descendant', async () => {
    const { root, ctx } = await setup();
    const a = await buildUnit(db(), { parentId: root.id });
    const child = await buildUnit(db(), { parentId: a.id });
    expect(
      await codeOf(
        units.moveUnit(db(), ctx, a.id, { version: 1, parentId: child.id, position: 0 }),
      ),
    ).toBe('409 unit_cycle');
    expect(
      await codeOf(units.moveUnit(db(), ctx, a.id, { version: 1, parentId: a.id, position: 0 })),
    ).toBe('409 unit_cycle');
    expect((await units.getUnit(db(), a.id)).parentId).toBe(root.id);
  });

  it('deletes a unit without history, never one with children or accounts', async () => {
    const { root, ctx } = await setup();
    const fresh = await buildUnit(db(), { parentId: root.id });
    await units.deleteUnit(db(), ctx, fresh.id);
    expect(await codeOf(units.getUnit(db(), fresh.id))).toBe('404 not_found');

    const parent = await buildUnit(db(), { parentId: root.id });
    await buildUnit(db(), { parentId: parent.id });
    expect(await codeOf(units.deleteUnit(db(), ctx, parent.id))).toBe('409 unit_has_history');

    const staffed = await buildUnit(db(), { parentId: root.id });
    await buildAccount(db(), { roles: [{ unitId: staffed.id, role: 'reporter' }] });
    expect(await codeOf(units.deleteUnit(db(), ctx, staffed.id))).toBe('409 unit_has_history');
    expect((await units.getUnit(db(), staffed.id)).id).toBe(staffed.id);
  });

  it('lets an admin act only inside the subtree of the unit the role is held in', async () => {
    const { root } = await setup();
    const ward = await buildUnit(db(), { parentId: root.id, kind: 'grassroots_committee' });
    const other = await buildUnit(db(), { parentId: root.id });
    const wardAdmin = ctxFor(
      await buildAccount(db(), { roles: [{ unitId: ward.id, role: 'admin' }] }),
    );
    const reporter = ctxFor(
      await buildAccount(db(), { roles: [{ unitId: ward.id, role: 'reporter' }] }),
    );

    expect(
      await codeOf(
        units.createUnit(db(), wardAdmin, { parentId: ward.id, kind: 'other', name: 'Chi bộ 1' }),
      ),
    ).toBe('ok');
    expect(
      await codeOf(
        units.createUnit(db(), wardAdmin, { parentId: other.id, kind: 'other', name: 'X' }),
      ),
    ).toBe('403 forbidden');
    expect(
      await codeOf(units.createUnit(db(), wardAdmin, { parentId: null, kind: 'other', name: 'X' })),
    ).toBe('403 forbidden');
    expect(
      await codeOf(
        units.createUnit(db(), reporter, { parentId: ward.id, kind: 'other', name: 'X' }),
      ),
    ).toBe('403 forbidden');
    expect(
      await codeOf(units.updateUnit(db(), wardAdmin, root.id, { version: 1, name: 'X' })),
    ).toBe('403 forbidden');
  });

  it('lists units parent-first in display order', async () => {
    const { root } = await setup();
    const b = await buildUnit(db(), { parentId: root.id });
    const b1 = await buildUnit(db(), { parentId: b.id });
    const c = await buildUnit(db(), { parentId: root.id });
    const ids = (await units.listUnits(db())).map((u) => u.id);
    const at = (id: number) => ids.indexOf(id);
    expect(at(root.id)).toBeLessThan(at(b.id));
    expect(at(b.id)).toBe(at(b1.id) - 1);
    expect(at(b1.id)).toBe(at(c.id) - 1);
  });
});

describe('UnitTree', async () => {
  const { UnitTree } = await import('./unit-tree.ts');
  it('answers subtree membership and survives a corrupted cycle', () => {
    const tree = new UnitTree(
      new Map([
        [1, null],
        [2, 1],
        [3, 2],
        [4, 5],
        [5, 4],
      ]),
    );
    expect(tree.isWithin(3, 1)).toBe(true);
    expect(tree.isWithin(1, 3)).toBe(false);
    expect([...tree.lineage(4)]).toEqual([4, 5]);
  });
});
