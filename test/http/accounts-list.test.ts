import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import {
  buildAccount,
  buildTestApp,
  buildUnit,
  loginCookie,
} from '../../src/test-support/factories.ts';

/* GET /accounts answers one page and the total, in the shape its schema gives the workspace. */
describeEachEngine('the accounts list over HTTP', (db) => {
  let app: FastifyInstance;
  let cookie: string;
  let unitId: number;

  beforeAll(async () => {
    app = await buildTestApp(db());
    unitId = (await buildUnit(db(), { kind: 'party_committee' })).id;
    const admin = await buildAccount(db(), {
      fullName: 'Quản Trị Viên',
      roles: [{ unitId, role: 'admin' }],
    });
    for (const fullName of ['Trần Văn Ba', 'Lê Thị Bốn', 'Phạm Văn Năm']) {
      await buildAccount(db(), { fullName, roles: [{ unitId, role: 'reporter' }] });
    }
    cookie = await loginCookie(app, admin.username);
  });
  afterAll(() => app.close());

  const list = (query: string) =>
    app.inject({ url: `/api/v1/accounts?unitId=${unitId}&${query}`, headers: { cookie } });

  it('pages the accounts by given name, with the total of every match', async () => {
    const first = await list('page=1&pageSize=2');
    expect(first.statusCode).toBe(200);
    const body = first.json<{ items: { fullName: string }[]; total: number }>();
    expect(body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(body.items.map((a) => a.fullName)).toEqual(['Trần Văn Ba', 'Lê Thị Bốn']);
    const second = await list('page=2&pageSize=2');
    expect(second.json<{ items: { fullName: string }[] }>().items.map((a) => a.fullName)).toEqual([
      'Phạm Văn Năm',
      'Quản Trị Viên',
    ]);
    // Nothing of an account beyond its schema goes over the wire.
    expect(Object.keys(second.json<{ items: object[] }>().items[0]!).sort()).toEqual(
      [
        'active',
        'createdAt',
        'email',
        'fullName',
        'id',
        'lastLoginAt',
        'position',
        'roles',
        'updatedAt',
        'username',
        'version',
      ].sort(),
    );
  });

  it('gives the first 50 without paging parameters, and refuses a page size over 200', async () => {
    const plain = await list('');
    expect(plain.json()).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    const tooMany = await list('pageSize=201');
    expect(tooMany.statusCode).toBe(400);
    const fields = tooMany.json<{ error: { fields: Record<string, string> } }>().error.fields;
    expect(Object.keys(fields)).toEqual(['querystring.pageSize']);
  });
});
