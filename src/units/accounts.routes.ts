import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ctxOf } from '../http/context.ts';
import { IdParams, errorResponses } from '../http/schema-helpers.ts';
import {
  AccountPage,
  AccountQuery,
  CreateAccountBody,
  ResetPasswordBody,
  UpdateAccountBody,
} from './accounts.schema.ts';
import * as accounts from './accounts.service.ts';

const tags = ['accounts'];

export async function accountRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;

  app.get(
    '/accounts',
    {
      schema: {
        tags,
        summary: 'Accounts the admin manages, by given name, one page at a time',
        querystring: AccountQuery,
        response: { 200: AccountPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => accounts.pageAccounts(db, ctxOf(request), request.query),
  );

  app.get(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'One account',
        params: IdParams,
        response: { 200: Type.Ref('Account'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => accounts.getAccount(db, ctxOf(request), request.params.id),
  );

  app.post(
    '/accounts',
    {
      schema: {
        tags,
        summary: 'Create an account with its roles',
        body: CreateAccountBody,
        response: { 201: Type.Ref('Account'), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const account = await db
        .transaction()
        .execute((trx) => accounts.createAccount(trx, ctx, request.body));
      return reply.status(201).send(account);
    },
  );

  app.patch(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Change name, position, roles; deactivate (ends its sessions)',
        params: IdParams,
        body: UpdateAccountBody,
        response: { 200: Type.Ref('Account'), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => accounts.updateAccount(trx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/accounts/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a new password (ends the account’s sessions)',
        params: IdParams,
        body: ResetPasswordBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      await db
        .transaction()
        .execute((trx) =>
          accounts.resetPassword(trx, ctx, request.params.id, request.body.newPassword),
        );
      return reply.status(204).send(null);
    },
  );
}
