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
 * No input is dropped in silence: every API route that takes a JSON object refuses a field it
 * does not know, naming it, whichever plugin declares the route (a plugin that adds its own
 * shared schemas must still get the app's strict validator). Read from the OpenAPI document,
 * so a new route is covered the day it is written.
 */
interface Operation {
  requestBody?: {
    content?: Record<string, { schema?: { type?: string; additionalProperties?: unknown } }>;
  };
}

describeEachEngine('unknown fields', (db) => {
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    app = await buildTestApp(db());
    const root = await buildUnit(db(), { kind: 'party_committee' });
    const admin = await buildAccount(db(), {
      username: 'unknown.fields',
      roles: [{ unitId: root.id, role: 'admin' }],
    });
    cookie = await loginCookie(app, admin.username);
  });
  afterAll(() => app.close());

  it('are refused with 400 naming the field on every route taking a JSON object', async () => {
    await app.ready();
    const doc = app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const routes: string[] = [];
    const lenient: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        if (schema?.type !== 'object' || schema.additionalProperties !== false) continue;
        routes.push(`${method.toUpperCase()} ${path}`);
        const response = await app.inject({
          method: method.toUpperCase() as 'POST',
          url: path.replace(/\{[^}]+\}/g, '1'),
          payload: { zzUnknownField: 1 },
          headers: { cookie, 'accept-language': 'en' },
        });
        const body = response.json<{ error?: { fields?: Record<string, string> } }>();
        if (response.statusCode !== 400 || !body.error?.fields?.zzUnknownField) {
          lenient.push(`${method.toUpperCase()} ${path} → ${response.statusCode}`);
        }
      }
    }
    expect(routes.length).toBeGreaterThan(40);
    expect(lenient).toEqual([]);
  });
});
