import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import {
  buildAccount,
  buildTestApp,
  buildUnit,
  loginCookie,
} from '../../src/test-support/factories.ts';

/*
 * Bad input gets a clear error in the one JSON shape, in the request's language, the right
 * status, and writes nothing: each case checks the unit/account/audit counts before and after.
 */
describeEachEngine('bad input', (db) => {
  let app: FastifyInstance;
  let cookie: string;
  let rootId: number;

  beforeAll(async () => {
    app = await buildTestApp(db(), { bodyLimitBytes: 64 * 1024 });
    const root = await buildUnit(db(), { kind: 'party_committee' });
    rootId = root.id;
    const admin = await buildAccount(db(), {
      username: 'badinput.admin',
      roles: [{ unitId: root.id, role: 'admin' }],
    });
    await buildAccount(db(), { username: 'taken.name' });
    cookie = await loginCookie(app, admin.username);
  });
  afterAll(() => app.close());

  async function counts() {
    const n = async (table: 'units' | 'accounts' | 'audit_log') =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { units: await n('units'), accounts: await n('accounts'), audit: await n('audit_log') };
  }

  async function send(
    payload: string | Buffer,
    headers: Record<string, string> = {},
    url = '/api/v1/units',
  ) {
    const before = await counts();
    const response = await app.inject({
      method: 'POST',
      url,
      payload,
      headers: { cookie, 'content-type': 'application/json', ...headers },
    });
    expect(await counts()).toEqual(before);
    return {
      status: response.statusCode,
      body: response.json<{
        error: { code: string; message: string; fields?: Record<string, string> };
      }>(),
    };
  }

  it('malformed JSON is 400 invalid_json', async () => {
    const r = await send('{"name": "Chi bộ",');
    expect(r).toMatchObject({
      status: 400,
      body: {
        error: { code: 'invalid_json', message: 'Nội dung gửi lên không phải JSON hợp lệ.' },
      },
    });
  });

  it('wrong types name each field, in Vietnamese and on request in English', async () => {
    const payload = JSON.stringify({ parentId: String(rootId), kind: 'other', name: 42 });
    const vi = await send(payload);
    expect(vi.status).toBe(400);
    expect(vi.body.error.fields).toEqual({
      parentId: 'Phải là số nguyên hoặc rỗng.',
      name: 'Phải là chuỗi ký tự.',
    });
    const en = await send(payload, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.body.error).toMatchObject({
      code: 'validation',
      message: 'The request is not valid.',
    });
    expect(en.body.error.fields).toEqual({
      parentId: 'Must be an integer or null.',
      name: 'Must be a string.',
    });
  });

  it('unknown fields and missing ones are refused, not ignored', async () => {
    const r = await send(
      JSON.stringify({ parentId: rootId, kind: 'other', name: 'X', isAdmin: true }),
    );
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual({ isAdmin: 'Trường không được phép.' });
    const missing = await send(JSON.stringify({ parentId: rootId }));
    expect(missing.body.error.fields).toMatchObject({
      kind: 'Bắt buộc nhập.',
      name: 'Bắt buộc nhập.',
    });
  });

  it('a value outside the allowed list says which values are allowed', async () => {
    const r = await send(JSON.stringify({ parentId: rootId, kind: 'club', name: 'X' }));
    expect(r.body.error.fields?.kind).toContain('mass_organization');
  });

  it('a body over the size limit is 413', async () => {
    const r = await send(
      JSON.stringify({ parentId: rootId, kind: 'other', name: 'x'.repeat(70 * 1024) }),
    );
    expect(r).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
  });

  it('invalid UTF-8 is 400 invalid_encoding, not silently replaced', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"parentId":1,"kind":"other","name":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const r = await send(bytes);
    expect(r).toMatchObject({ status: 400, body: { error: { code: 'invalid_encoding' } } });
  });

  it('a body that is not JSON is 415', async () => {
    // From the app's own page: a form or text body without that proof is refused before (403).
    const sameOrigin = { 'sec-fetch-site': 'same-origin' };
    const r = await send('name=X', {
      'content-type': 'application/x-www-form-urlencoded',
      ...sameOrigin,
    });
    expect(r).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });
    const text = await send('X', { 'content-type': 'text/plain', ...sameOrigin });
    expect(text.status).toBe(415);
  });

  it('a taken username is 409 username_taken, whatever its case', async () => {
    const r = await send(
      JSON.stringify({
        username: 'Taken.Name',
        password: 'mat-khau-dai',
        fullName: 'Trần Văn B',
        roles: [],
      }),
      {},
      '/api/v1/accounts',
    );
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({
      code: 'username_taken',
      message: 'Tên đăng nhập "taken.name" đã có người dùng.',
    });
  });

  it('a blank name after trimming is refused', async () => {
    const r = await send(JSON.stringify({ parentId: rootId, kind: 'other', name: '   ' }));
    expect(r.body.error.fields).toEqual({ name: 'Không được để trống.' });
  });

  it('a parent that does not exist is a field error, an unknown id in the path is 404', async () => {
    const r = await send(JSON.stringify({ parentId: 999999, kind: 'other', name: 'X' }));
    expect(r).toMatchObject({
      status: 400,
      body: { error: { fields: { parentId: 'Không tồn tại.' } } },
    });
    const missing = await app.inject({
      method: 'GET',
      url: '/api/v1/units/999999',
      headers: { cookie },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: 'not_found', message: 'Không tìm thấy đơn vị.' },
    });
    const bad = await app.inject({ method: 'GET', url: '/api/v1/units/abc', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
  });

  it('text is stored in NFC whatever form it arrives in', async () => {
    const nfd = 'Đảng ủy phường Đồng Kỵ'.normalize('NFD');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie },
      payload: { parentId: rootId, kind: 'grassroots_committee', name: nfd },
    });
    expect(response.statusCode).toBe(201);
    const stored = await db()
      .selectFrom('units')
      .select(['name', 'name_folded'])
      .where('id', '=', response.json<{ id: number }>().id)
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe('Đảng ủy phường Đồng Kỵ'.normalize('NFC'));
    expect(stored.name_folded).toBe('dang uy phuong dong ky');
  });

  it('an unknown API path is a 404 in the error shape', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en' },
    });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ error: { code: 'route_not_found' } });
  });
});
