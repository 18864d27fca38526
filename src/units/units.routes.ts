import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../http/context.ts';
import { IdParams, errorResponses } from '../http/schema-helpers.ts';
import * as units from './units.service.ts';
import { CreateUnitBody, MoveUnitBody, UnitList, UpdateUnitBody } from './units.schema.ts';
import { Type } from 'typebox';

const tags = ['units'];

export async function unitRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  app.get(
    '/units',
    {
      schema: {
        tags,
        summary: 'List every unit in tree order',
        response: { 200: UnitList, ...errorResponses(401) },
      },
    },
    async (request) => {
      ctxOf(request);
      return { items: await units.listUnits(db) };
    },
  );

  app.get(
    '/units/:id',
    {
      schema: {
        tags,
        summary: 'One unit',
        params: IdParams,
        response: { 200: Type.Ref('Unit'), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      ctxOf(request);
      return units.getUnit(db, request.params.id);
    },
  );

  app.post(
    '/units',
    {
      schema: {
        tags,
        summary: 'Create a unit (admin of the parent)',
        body: CreateUnitBody,
        response: { 201: Type.Ref('Unit'), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const unit = await db
        .transaction()
        .execute((trx) => units.createUnit(trx, ctx, request.body));
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    '/units/:id',
    {
      schema: {
        tags,
        summary: 'Rename, change kind, activate or deactivate a unit',
        params: IdParams,
        body: UpdateUnitBody,
        response: { 200: Type.Ref('Unit'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => units.updateUnit(trx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/units/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a unit under another parent and/or to another position',
        params: IdParams,
        body: MoveUnitBody,
        response: { 200: Type.Ref('Unit'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => units.moveUnit(trx, ctx, request.params.id, request.body));
    },
  );

  app.delete(
    '/units/:id',
    {
      schema: {
        tags,
        summary: 'Delete a unit that has no history yet',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      await db.transaction().execute((trx) => units.deleteUnit(trx, ctx, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
