import { expect, it } from 'vitest';
import { listAudit } from '../audit/audit-log.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../http/errors.ts';
import { describeEachEngine } from '../test-support/engines.ts';
import { buildAccount, buildUnit, ctxFor, uniq } from '../test-support/factories.ts';
import * as accounts from './accounts.service.ts';
import * as units from './units.service.ts';

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

  it('pages the list on the server: the page in name order, and the total of every match', async () => {
    const { ward, rootAdmin } = await setup();
    const names = ['Vũ Thị Hà', 'Bùi Văn Cường', 'Hoàng Thị Lan', 'Đặng Văn Ánh', 'Ngô Thị Yến'];
    for (const fullName of names) {
      await buildAccount(db(), { fullName, roles: [{ unitId: ward.id, role: 'reporter' }] });
    }
    const filter = { unitId: ward.id, q: 'thi' };
    const all = (await accounts.listAccounts(db(), rootAdmin, filter)).map((a) => a.fullName);
    expect(all).toEqual(['Vũ Thị Hà', 'Hoàng Thị Lan', 'Ngô Thị Yến']);

    const first = await accounts.pageAccounts(db(), rootAdmin, { ...filter, page: 1, pageSize: 2 });
    expect(first.items.map((a) => a.fullName)).toEqual(['Vũ Thị Hà', 'Hoàng Thị Lan']);
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    const second = await accounts.pageAccounts(db(), rootAdmin, {
      ...filter,
      page: 2,
      pageSize: 2,
    });
    expect(second.items.map((a) => a.fullName)).toEqual(['Ngô Thị Yến']);
    expect(second.total).toBe(3);
    const past = await accounts.pageAccounts(db(), rootAdmin, { ...filter, page: 3, pageSize: 2 });
    expect(past).toMatchObject({ items: [], total: 3 });
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

  it('shows an admin the audit entries of their subtree; a top-level admin reads them all', async () => {
    const { root, ward, rootAdmin, wardAdmin } = await setup();
    const otherWard = await buildUnit(db(), { parentId: root.id, kind: 'grassroots_committee' });
    const otherAdmin = ctxFor(
      await buildAccount(db(), { roles: [{ unitId: otherWard.id, role: 'admin' }] }),
    );
    const tag = uniq();
    const inWard = await accounts.createAccount(db(), wardAdmin, {
      username: `w${tag}`,
      password: 'mat-khau-dai-1',
      fullName: `Người phường ${tag}`,
      roles: [{ unitId: ward.id, role: 'reporter' }],
    });
    await units.updateUnit(db(), rootAdmin, root.id, { version: root.version, shortName: tag });
    const unitless = `Cấu hình chung ${tag}`;
    await recordAudit(db(), rootAdmin, {
      action: 'update',
      unitId: null,
      entityType: 'report_settings',
      entityId: null,
      summary: unitless,
    });

    const seen = async (ctx: typeof rootAdmin) => {
      const count = async (filter: { entityType: string; entityId?: string; q?: string }) =>
        (await listAudit(db(), ctx, { ...filter, page: 1, pageSize: 10 })).total;
      const all = await listAudit(db(), ctx, { page: 1, pageSize: 200 });
      return {
        account: (await count({ entityType: 'account', entityId: String(inWard.id) })) > 0,
        root: (await count({ entityType: 'unit', entityId: String(root.id) })) > 0,
        unitless: (await count({ entityType: 'report_settings', q: tag })) > 0,
        outside: all.items.filter((i) => i.unitId !== ward.id && i.unitId !== otherWard.id).length,
      };
    };
    expect(await seen(wardAdmin)).toEqual({
      account: true,
      root: false,
      unitless: false,
      outside: 0,
    });
    expect(await seen(otherAdmin)).toMatchObject({ account: false, root: false, unitless: false });
    expect(await seen(rootAdmin)).toMatchObject({ account: true, root: true, unitless: true });
  });

  it('filters the audit log by action, text without diacritics, and Vietnamese calendar days', async () => {
    const { ward, rootAdmin, wardAdmin } = await setup();
    const tag = uniq();
    const name = `Hoàng Thị Quế ${tag}`;
    const username = `q${uniq()}`;
    await accounts.createAccount(db(), wardAdmin, {
      username,
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
    // Only this account's entry: its name, without diacritics, ends in the tag.
    const todays = await listAudit(db(), rootAdmin, {
      from: today,
      to: today,
      q: `hoang thi que ${tag}`,
      page: 1,
      pageSize: 50,
    });
    expect(todays.total).toBeGreaterThan(0);
    expect(todays.total).toBe(1);
    expect(todays.items).toMatchObject([
      { action: 'create', entityType: 'account', summary: `${name} (${username})` },
    ]);
    const past = await listAudit(db(), rootAdmin, {
      from: '2017-10-11',
      to: '2017-10-12',
      q: `hoang thi que ${tag}`,
      page: 1,
      pageSize: 50,
    });
    expect(past.total).toBe(0);
    expect(past.items).toEqual([]);
    const reporter = ctxFor(
      await buildAccount(db(), { roles: [{ unitId: ward.id, role: 'reporter' }] }),
    );
    await expect(listAudit(db(), reporter, { page: 1, pageSize: 10 })).rejects.toMatchObject({
      status: 403,
    });
  });
});
