import { expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { accountsHolding, notify } from '../../src/notifications/notify.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildAccount, buildUnit } from '../../src/test-support/factories.ts';

const ctx = { actor: null, now: fixedClock('2017-12-20T01:00:00Z') };

describeEachEngine('notify', (db) => {
  it('writes an in-app entry per recipient and e-mail for those who receive it, once by the key', async () => {
    const unit = await buildUnit(db());
    const mailed = await buildAccount(db(), {
      email: 'bao.cao@tuson.example.vn',
      roles: [{ unitId: unit.id, role: 'reporter' }],
    });
    const optedOut = await buildAccount(db(), {
      email: 'lanh.dao@tuson.example.vn',
      emailOptIn: false,
      roles: [{ unitId: unit.id, role: 'unit_head' }],
    });
    const noAddress = await buildAccount(db(), { roles: [{ unitId: unit.id, role: 'reporter' }] });
    const inactive = await buildAccount(db(), { active: false, email: 'x@tuson.example.vn' });
    const input = {
      kind: 'task_due_soon' as const,
      subject: { type: 'task', id: 900_000 + unit.id },
      occasion: '2017-12-23',
      recipients: [mailed.id, optedOut.id, noAddress.id, inactive.id, mailed.id],
      params: { title: 'Nhiệm vụ thử', deadline: '2017-12-23', unitName: unit.name },
      link: '/app/tasks/1',
    };
    expect(await notify(db(), ctx, input)).toBe(3);
    // The same again, in two transactions at once: nothing new.
    const again = await Promise.all(
      [1, 2].map(() =>
        db()
          .transaction()
          .execute((trx) => notify(trx, ctx, input)),
      ),
    );
    expect(again).toEqual([0, 0]);
    const outbox = await db()
      .selectFrom('outbox')
      .select(['recipient_id', 'to_address', 'status'])
      .where('subject_id', '=', input.subject.id)
      .execute();
    expect(outbox).toEqual([
      { recipient_id: mailed.id, to_address: 'bao.cao@tuson.example.vn', status: 'pending' },
    ]);
    // A new occasion (the deadline moved) is a new notification.
    expect(await notify(db(), ctx, { ...input, occasion: '2017-12-30' })).toBe(3);
  });

  it('leaves the caller out and finds the accounts holding roles in units', async () => {
    const unit = await buildUnit(db());
    const other = await buildUnit(db());
    const head = await buildAccount(db(), { roles: [{ unitId: unit.id, role: 'unit_head' }] });
    const reporter = await buildAccount(db(), { roles: [{ unitId: unit.id, role: 'reporter' }] });
    await buildAccount(db(), { roles: [{ unitId: unit.id, role: 'editor' }] });
    const elsewhere = await buildAccount(db(), { roles: [{ unitId: other.id, role: 'reporter' }] });
    const held = await accountsHolding(db(), [unit.id, other.id], ['unit_head', 'reporter']);
    expect(held.get(unit.id)?.sort()).toEqual([head.id, reporter.id].sort());
    expect(held.get(other.id)).toEqual([elsewhere.id]);
    const written = await notify(
      db(),
      { actor: { id: head.id }, now: ctx.now },
      {
        kind: 'task_assigned',
        subject: { type: 'task', id: 800_000 + unit.id },
        occasion: '',
        recipients: [head.id, reporter.id],
        params: { title: 'Nhiệm vụ', unitName: unit.name, role: 'lead', deadline: '2017-12-31' },
        link: '/app/tasks/2',
      },
    );
    expect(written).toBe(1);
  });
});
