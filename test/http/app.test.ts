import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp } from '../../src/test-support/factories.ts';

interface OpenApiSchema {
  required?: string[];
  properties?: Record<string, unknown>;
  additionalProperties?: boolean;
  $ref?: string;
}

interface OpenApiOperation {
  summary?: string;
  requestBody?: { content: Record<string, { schema?: OpenApiSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: OpenApiSchema }> }>;
}

describeEachEngine('the app', (db, engine) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(db());
  });
  afterAll(() => app.close());

  it('reports health with the database in use', async () => {
    const response = await app.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: engine });
  });

  it('serves an OpenAPI 3.1 document that describes the API with its schemas', async () => {
    const response = await app.inject({ url: '/api/openapi.json' });
    const doc = response.json<{
      openapi: string;
      paths: Record<string, Record<string, OpenApiOperation>>;
      components: { schemas: Record<string, { required?: string[] }> };
    }>();
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/v1/units']?.post;
    expect(create?.summary).toBeTruthy();
    expect(create?.summary).toBe('Create a unit (admin of the parent)');
    // The request schema is the one the route validates with, and the answer names its schema.
    const body = create?.requestBody?.content['application/json']?.schema;
    expect(body?.required).toEqual(['parentId', 'kind', 'name']);
    expect(Object.keys(body?.properties ?? {})).toEqual(['parentId', 'kind', 'name', 'shortName']);
    expect(body?.additionalProperties).toBe(false);
    expect(create?.responses['201']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Unit',
    });
    expect(Object.keys(create?.responses ?? {}).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '409',
    ]);
    expect(doc.components.schemas.Unit?.required).toContain('version');
    expect(Object.keys(doc.paths)).toContain('/api/v1/auth/login');
    const docs = await app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    expect(docs.body).toContain('<title>Swagger UI</title>');
  });

  it('serves the portal at / as Vietnamese HTML, and HTML 404s outside the API', async () => {
    const home = await app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<html lang="vi">');
    const missing = await app.inject({ url: '/khong-co-trang-nay' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('text/html');
  });

  it('answers an unexpected failure with 500, a request id and nothing internal', async () => {
    const fragile = await buildTestApp(db());
    fragile.get('/api/test-failure', async () => {
      throw new Error('secret: connection string postgres://admin:hunter2@db');
    });
    const response = await fragile.inject({ url: '/api/test-failure' });
    expect(response.statusCode).toBe(500);
    const body = response.json<{ error: { code: string; message: string }; requestId: string }>();
    expect(body.error.code).toBe('internal');
    expect(body.error.message).toContain(body.requestId);
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('secret');
    await fragile.close();
  });

  it('sends security headers', async () => {
    const response = await app.inject({ url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
