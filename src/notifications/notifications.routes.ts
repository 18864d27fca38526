import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../http/context.ts';
import { languageOf } from '../http/i18n.ts';
import { IdParams, errorResponses } from '../http/schema-helpers.ts';
import { smtpTransport } from './mailer.ts';
import {
  MailSettings,
  MailSettingsBody,
  NotificationPage,
  NotificationQuery,
  OutboxPage,
  OutboxQuery,
  ReadAllResult,
  RetryResult,
  SmtpCheck,
} from './notifications.schema.ts';
import * as service from './notifications.service.ts';
import { senderJob } from './sender.ts';

const tags = ['notifications'];

/**
 * The signed-in person's notifications and e-mail settings, the admin's outbox and SMTP check;
 * adds the sender job to the app's scheduler (every instance runs it).
 */
export async function notificationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = app.db;
  const mail = app.config.mail;
  const transport = mail.smtp ? smtpTransport(mail.smtp) : null;
  app.jobs.add(senderJob(db, transport, mail));
  app.addHook('onClose', async () => transport?.close());

  app.get(
    '/me/notifications',
    {
      schema: {
        tags,
        summary: "The caller's notifications, newest first, with the unread count",
        querystring: NotificationQuery,
        response: { 200: NotificationPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => service.listMine(db, ctxOf(request), request.query, languageOf(request)),
  );

  app.post(
    '/me/notifications/:id/read',
    {
      schema: {
        tags,
        summary: "Mark one of the caller's notifications read",
        params: IdParams,
        response: { 200: ReadAllResult, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db.transaction().execute((trx) => service.markRead(trx, ctx, request.params.id));
    },
  );

  app.post(
    '/me/notifications/read-all',
    {
      schema: {
        tags,
        summary: "Mark all the caller's notifications read",
        response: { 200: ReadAllResult, ...errorResponses(401) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db.transaction().execute((trx) => service.markAllRead(trx, ctx));
    },
  );

  app.get(
    '/me/mail-settings',
    {
      schema: {
        tags,
        summary: "The caller's e-mail address, whether they receive e-mail, and its language",
        response: { 200: MailSettings, ...errorResponses(401) },
      },
    },
    async (request) => service.mailSettings(db, ctxOf(request), mail),
  );

  app.put(
    '/me/mail-settings',
    {
      schema: {
        tags,
        summary: "Change the caller's e-mail address, e-mail choice and language",
        body: MailSettingsBody,
        response: { 200: MailSettings, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db
        .transaction()
        .execute((trx) => service.saveMailSettings(trx, ctx, request.body, mail));
    },
  );

  app.get(
    '/admin/outbox',
    {
      schema: {
        tags,
        summary:
          'E-mail in the outbox (failed and skipped by default), for the admin of a top unit',
        querystring: OutboxQuery,
        response: { 200: OutboxPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => service.outbox(db, ctxOf(request), request.query, mail, languageOf(request)),
  );

  app.post(
    '/admin/outbox/:id/retry',
    {
      schema: {
        tags,
        summary: 'Send a failed or skipped e-mail again, from its first try',
        params: IdParams,
        response: { 200: RetryResult, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db.transaction().execute((trx) => service.retryOutbox(trx, ctx, request.params.id));
    },
  );

  app.post(
    '/admin/smtp-check',
    {
      schema: {
        tags,
        summary: 'Connect to the SMTP server and sign in, without sending: whether e-mail can go',
        response: { 200: SmtpCheck, ...errorResponses(401, 403) },
      },
    },
    async (request) => service.checkSmtp(db, ctxOf(request), mail, transport, languageOf(request)),
  );
}
