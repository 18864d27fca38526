import fc from 'fast-check';
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
 * What enters through query strings, paths and bodies: numbers outside the id columns' range,
 * NUL, lone surrogates and invisible format characters. Each gets a 400 in the error shape (or
 * is stripped, for format characters), never a 500 from one engine and a 200 from the other.
 */

const ID_QUERIES: [string, string][] = [
  ['/api/v1/reports', 'unitId'],
  ['/api/v1/reports', 'periodId'],
  ['/api/v1/periods', 'unitId'],
  ['/api/v1/proposals', 'periodId'],
  ['/api/v1/audit', 'actorId'],
  ['/api/v1/accounts', 'unitId'],
  ['/api/v1/targets', 'unitId'],
  ['/api/v1/portal/articles', 'categoryId'],
];

const TEXT_QUERIES: [string, string][] = [
  ['/api/v1/audit', 'action'],
  ['/api/v1/audit', 'entityType'],
  ['/api/v1/audit', 'entityId'],
  ['/api/v1/audit', 'q'],
  ['/api/v1/accounts', 'q'],
  ['/api/v1/portal/articles', 'q'],
];

/** Numbers as a client might write them: huge, tiny, exponent, fractions, hex, garbage. */
const numberText = fc.oneof(
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double().map(String),
  fc.constantFrom(
    '9007199254740993',
    '2147483648',
    '2147483647',
    '1e308',
    '1e10',
    '-1',
    '0x10',
    '1.5',
    'NaN',
    'Infinity',
  ),
);

/** Any UTF-16 code units, lone surrogates and NUL included. */
const anyText = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  maxLength: 20,
});

const BAD_STORED =
  // eslint-disable-next-line no-control-regex -- looking for NUL is the point
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

describeEachEngine('input at the boundary', (db) => {
  let app: FastifyInstance;
  let cookie: string;
  let rootId: number;

  beforeAll(async () => {
    app = await buildTestApp(db());
    const root = await buildUnit(db(), { kind: 'party_committee' });
    rootId = root.id;
    const admin = await buildAccount(db(), {
      roles: [
        { unitId: root.id, role: 'admin' },
        { unitId: root.id, role: 'secretariat' },
        { unitId: root.id, role: 'editor' },
      ],
    });
    cookie = await loginCookie(app, admin.username);
  });
  afterAll(() => app.close());

  const get = (url: string, lang = 'vi') =>
    app.inject({ url, headers: { cookie, 'accept-language': lang } });

  function expectErrorShape(body: string) {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof parsed.error?.code).toBe('string');
    expect(typeof parsed.error?.message).toBe('string');
  }

  it('an id beyond the column range is 400 naming the field, on every list', async () => {
    for (const [path, param] of ID_QUERIES) {
      for (const value of ['9007199254740993', '2147483648', '1e308']) {
        const r = await get(`${path}?${param}=${value}`);
        expect(r.statusCode, `${path}?${param}=${value}`).toBe(400);
        expect(r.json()).toMatchObject({
          error: {
            code: 'validation',
            fields: { [`querystring.${param}`]: 'Không được lớn hơn 2147483647.' },
          },
        });
      }
    }
    const diff = await get(`/api/v1/reports/1/diff?from=1&to=9007199254740993`);
    expect(diff.statusCode).toBe(400);
  });

  it('fuzzed numbers in id parameters never give a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ID_QUERIES), numberText, async ([path, param], value) => {
        const r = await get(`${path}?${param}=${encodeURIComponent(value)}`);
        expect(r.statusCode, `${path}?${param}=${value}`).toBeLessThan(500);
        if (r.statusCode >= 400) expectErrorShape(r.body);
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(numberText, numberText, async (from, to) => {
        const url = `/api/v1/reports/1/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
        const r = await get(url);
        expect(r.statusCode, url).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(numberText, async (id) => {
        const r = await get(`/api/v1/units/${encodeURIComponent(id)}`);
        expect(r.statusCode, id).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it('NUL in a query string is 400 naming the field, in Vietnamese and English', async () => {
    for (const [path, param] of TEXT_QUERIES) {
      const vi = await get(`${path}?${param}=a%00b`);
      expect(vi.statusCode, `${path}?${param}`).toBe(400);
      expect(vi.json()).toMatchObject({
        error: {
          code: 'validation',
          fields: { [`querystring.${param}`]: 'Có ký tự không hợp lệ (NUL hoặc mã Unicode lẻ).' },
        },
      });
      const en = await get(`${path}?${param}=%00`, 'en');
      expect(en.json()).toMatchObject({
        error: {
          fields: {
            [`querystring.${param}`]: 'Contains an invalid character (NUL or a lone surrogate).',
          },
        },
      });
    }
  });

  it('fuzzed text in query strings never gives a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TEXT_QUERIES), anyText, async ([path, param], text) => {
        const r = await get(
          `${path}?${param}=${encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\u0000'))}`,
        );
        expect(r.statusCode, JSON.stringify(text)).toBeLessThan(500);
        if (r.statusCode >= 400) expectErrorShape(r.body);
      }),
      { numRuns: 150 },
    );
  });

  async function unitCount() {
    const row = await db()
      .selectFrom('units')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  const createUnit = (payload: Record<string, unknown>, lang = 'vi') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie, 'accept-language': lang, 'content-type': 'application/json' },
      // JSON.stringify writes lone surrogates as \ud800 escapes, as a client's JSON would.
      payload: JSON.stringify({ parentId: rootId, kind: 'other', ...payload }),
    });

  it('a lone surrogate in any field is 400 naming it, and nothing is stored', async () => {
    for (const [field, value] of [
      ['name', 'Chi bộ \ud800'],
      ['name', '\udfff'],
      ['shortName', 'CB\ud83d'],
      ['name', 'Chi bộ \u0000 số 1'],
    ] as const) {
      const before = await unitCount();
      const r = await createUnit({ name: 'Chi bộ thử', [field]: value });
      expect(r.statusCode, JSON.stringify(value)).toBe(400);
      expect(r.json()).toMatchObject({
        error: {
          code: 'validation',
          fields: { [field]: 'Có ký tự không hợp lệ (NUL hoặc mã Unicode lẻ).' },
        },
      });
      expect(await unitCount()).toBe(before);
    }
    const en = await createUnit({ name: '\ud800' }, 'en');
    expect(en.json()).toMatchObject({
      error: { fields: { name: 'Contains an invalid character (NUL or a lone surrogate).' } },
    });
  });

  it('a whole emoji (a surrogate pair) is kept', async () => {
    const r = await createUnit({ name: 'Chi bộ 🌾' });
    expect(r.statusCode).toBe(201);
    expect(r.json<{ name: string }>().name).toBe('Chi bộ 🌾');
  });

  it('zero-width, bidi and BOM characters are stripped the same way in every field', async () => {
    const dirty = 'Chi\u200B bộ\u202E số\u2066 2\uFEFF\u200D';
    const r = await createUnit({ name: dirty, shortName: dirty });
    expect(r.statusCode).toBe(201);
    const unit = r.json<{ id: number; name: string; shortName: string }>();
    expect(unit.name).toBe('Chi bộ số 2');
    expect(unit.shortName).toBe('Chi bộ số 2');
    const row = await db()
      .selectFrom('units')
      .select(['name', 'short_name'])
      .where('id', '=', unit.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Chi bộ số 2', short_name: 'Chi bộ số 2' });
  });

  it('fuzzed names are stored without NUL, lone surrogates or format characters, or refused', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const r = await createUnit({ name: `Đơn vị ${text}`, shortName: text || null });
        expect(r.statusCode, JSON.stringify(text)).toBeLessThan(500);
        if (r.statusCode >= 400) expectErrorShape(r.body);
      }),
      { numRuns: 120 },
    );
    const names = await db().selectFrom('units').select(['name', 'short_name']).execute();
    for (const n of names) {
      expect(BAD_STORED.test(n.name), JSON.stringify(n.name)).toBe(false);
      expect(BAD_STORED.test(n.short_name ?? ''), JSON.stringify(n.short_name)).toBe(false);
    }
  });
});
