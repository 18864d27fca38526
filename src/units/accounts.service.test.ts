import { expect, it } from 'vitest';
import { listAudit } from '../audit/audit.service.ts';
import { AppError } from '../http/errors.ts';
import { describeEachEngine } from '../test-support/engines.ts';
import { buildAccount, buildUnit, ctxFor, uniq } from '../test-support/factories.ts';
import * as accounts from './accounts.service.ts';

describeEachEngine('accounts service', (db) => {
  async function setup() {
    const root = await buildUnit(db(), { kind: 'party_committee' });
    const ward = await buildUnit(db(), { parentId: root.id, kind: 'grassroots_committee' });
    const rootAdmin = ctxFor(
      await buildAccount(db(), { roles: [{ unitId: root.id, role: 'admin' }] }),
    );
    const wardAdmin = ctxFor(
      await buildAccount(db(), { roles: [{ unitId: ward.id, role: 'admin' }] }),
    );
    return { root, ward, rootAdmin, wardAdmin };
  }

  it('lists accounts by given name, finds them without diacritics, and only within the admin’s reach', async () => {
    const { root, ward, rootAdmin, wardAdmin } = await setup();
    const tag = uniq();
    for (const fullName of ['Nguyễn Văn Toán', 'Trần Thị An', 'Lê Văn Bình', 'Đỗ Thị Đào']) {
      await buildAccount(db(), {
        fullName: `${fullName}`,
        username: `${tag}${fullName.length}${uniq()}`,
        roles: [{ unitId: ward.id, role: 'reporter' }],
      });
    }
    await buildAccount(db(), {
      fullName: 'Phạm Minh Chiến',
      roles: [{ unitId: root.id, role: 'secretariat' }],
    });

    const inWard = await accounts.listAccounts(db(), rootAdmin, { unitId: ward.id });
    const reporters = inWard.filter((a) => a.roles.some((r) => r.role === 'reporter'));
    expect(reporters.map((a) => a.fullName)).toEqual([
      'Trần Thị An',
      'Lê Văn Bình',
      'Đỗ Thị Đào',
      'Nguyễn Văn Toán',
    ]);

    const found = await accounts.listAccounts(db(), rootAdmin, { q: 'do thi dao' });
    expect(found.map((a) => a.fullName)).toEqual(['Đỗ Thị Đào']);

    const seenByWard = await accounts.listAccounts(db(), wardAdmin, {});
    expect(seenByWard.some((a) => a.fullName === 'Phạm Minh Chiến')).toBe(false);
    expect(seenByWard.some((a) => a.fullName === 'Trần Thị An')).toBe(true);
  });

  it('creates an account with roles, never returning the password hash, and records it', async () => {
    const { ward, wardAdmin } = await setup();
    const username = `moi.${uniq()}`;
    const account = await accounts.createAccount(db(), wardAdmin, {
      username: `  ${username.toUpperCase()} `,
      password: 'mat-khau-dai-1',
      fullName: 'Vũ Thị Hạnh',
      position: 'Cán bộ tổng hợp',
      roles: [
        { unitId: ward.id, role: 'reporter' },
        { unitId: ward.id, role: 'reporter' },
      ],
    });
    expect(account).toMatchObject({
      username,
      roles: [{ unitId: ward.id, role: 'reporter' }],
      active: true,
    });
    expect(JSON.stringify(account)).not.toContain('scrypt');
    const audit = await listAudit(db(), wardAdmin, {
      entityType: 'account',
      entityId: String(account.id),
      page: 1,
      pageSize: 10,
    });
    expect(audit.items[0]).toMatchObject({
      action: 'create',
      summary: `Vũ Thị Hạnh (${username})`,
    });
    expect(JSON.stringify(audit.items[0]!.after)).not.toContain('scrypt');
  });

  it('refuses a ward admin granting a role above the ward, and a stale version', async () => {
    const { root, ward, wardAdmin } = await setup();
    await expect(
      accounts.createAccount(db(), wardAdmin, {
        username: `x${uniq()}`,
        password: 'mat-khau-dai-1',
        fullName: 'X Y',
        roles: [{ unitId: root.id, role: 'admin' }],
      }),
    ).rejects.toMatchObject({ status: 403 });
    const user = await buildAccount(db(), { roles: [{ unitId: ward.id, role: 'reporter' }] });
    await accounts.updateAccount(db(), wardAdmin, user.id, { version: 1, position: 'A' });
    const stale = accounts.updateAccount(db(), wardAdmin, user.id, { version: 1, position: 'B' });
    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({ status: 409, code: 'conflict' });
    expect((await accounts.getAccount(db(), wardAdmin, user.id)).position).toBe('A');
  });

  it('filters the audit log by action, text without diacritics, and Vietnamese calendar days', async () => {
    const { ward, rootAdmin, wardAdmin } = await setup();
    const name = `Hoàng Thị Quế ${uniq()}`;
    await accounts.createAccount(db(), wardAdmin, {
      username: `q${uniq()}`,
      password: 'mat-khau-dai-1',
      fullName: name,
      roles: [{ unitId: ward.id, role: 'editor' }],
    });
    const byText = await listAudit(db(), rootAdmin, {
      q: 'hoang thi que',
      action: 'create',
      page: 1,
      pageSize: 50,
    });
    expect(byText.items.map((i) => i.summary.split(' (')[0])).toContain(name);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const todays = await listAudit(db(), rootAdmin, {
      from: today,
      to: today,
      q: 'hoang thi que',
      page: 1,
      pageSize: 50,
    });
    expect(todays.total).toBeGreaterThan(0);
    const past = await listAudit(db(), rootAdmin, {
      from: '2017-10-11',
      to: '2017-10-12',
      q: 'hoang thi que',
      page: 1,
      pageSize: 50,
    });
    expect(past.total).toBe(0);
    const reporter = ctxFor(
      await buildAccount(db(), { roles: [{ unitId: ward.id, role: 'reporter' }] }),
    );
    await expect(listAudit(db(), reporter, { page: 1, pageSize: 10 })).rejects.toMatchObject({
      status: 403,
    });
  });
});
