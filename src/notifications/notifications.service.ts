import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { Forbidden, Invalid, NotFound } from '../http/errors.ts';
import type { Lang } from '../http/i18n.ts';
import { fill, smtpCheckMessages } from '../http/messages.ts';
import type { Ctx } from '../units/roles.ts';
import { canCreateRootUnit } from '../units/units.policy.ts';
import { loadUnitTree } from '../units/units.service.ts';
import { normalizeEmail } from './email-address.ts';
import type { MailConfig } from './mail.config.ts';
import { describeMailError, type MailTransport } from './mailer.ts';
import * as repo from './notifications.repository.ts';
import type {
  MailSettings,
  MailSettingsBody,
  NotificationPage,
  OutboxPage,
  OutboxQuery,
  NotificationQuery,
  SmtpCheck,
} from './notifications.schema.ts';
import type { NotificationRow } from './notifications.tables.ts';
import { renderNotification, type NotificationKind } from './templates.ts';

function present(row: NotificationRow, lang: Lang) {
  const r = renderNotification(row.kind, JSON.parse(row.params_json) as never, lang);
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: r.title,
    body: r.lines.join(' '),
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** The caller's notifications, newest first, in the request's language. */
export async function listMine(
  db: Db,
  ctx: Ctx,
  q: NotificationQuery,
  lang: Lang,
): Promise<NotificationPage> {
  const counts = await repo.countNotifications(db, ctx.actor.id);
  const rows = await repo.listNotifications(db, ctx.actor.id, {
    unread: q.unread === true,
    offset: (q.page - 1) * q.pageSize,
    limit: q.pageSize,
  });
  return {
    items: rows.map((r) => present(r, lang)),
    total: q.unread ? counts.unread : counts.total,
    unread: counts.unread,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Marks one of the caller's notifications read (again is fine); another's is 404. */
export async function markRead(db: Db, ctx: Ctx, id: number) {
  const row = await repo.findNotification(db, id);
  if (!row || row.account_id !== ctx.actor.id) throw NotFound('notification');
  const updated = await repo.markRead(db, ctx.actor.id, id, nowOf(ctx));
  return { updated, unread: (await repo.countNotifications(db, ctx.actor.id)).unread };
}

export async function markAllRead(db: Db, ctx: Ctx) {
  const updated = await repo.markRead(db, ctx.actor.id, null, nowOf(ctx));
  return { updated, unread: 0 };
}

/* ---------- the caller's e-mail settings (profile) ---------- */

export async function mailSettings(
  db: Db,
  ctx: Ctx,
  config: Pick<MailConfig, 'smtp'>,
): Promise<MailSettings> {
  const row = await repo.mailSettingsOf(db, ctx.actor.id);
  if (!row) throw NotFound('account');
  return {
    email: row.email,
    emailOptIn: row.email_opt_in === 1,
    language: row.language === 'en' ? 'en' : 'vi',
    emailEnabled: config.smtp !== null,
  };
}

export async function saveMailSettings(
  db: Db,
  ctx: Ctx,
  input: MailSettingsBody,
  config: Pick<MailConfig, 'smtp'>,
): Promise<MailSettings> {
  const email =
    input.email === null ? { ok: true as const, email: null } : normalizeEmail(input.email);
  if (!email.ok) throw Invalid({ email: { rule: 'emailFormat' } });
  await repo.saveMailSettings(db, ctx.actor.id, {
    email: email.email,
    email_opt_in: input.emailOptIn ? 1 : 0,
    language: input.language,
    updated_at: nowOf(ctx),
  });
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: ctx.actor.roles[0]?.unitId ?? null,
    entityType: 'account_mail',
    entityId: ctx.actor.id,
    summary: ctx.actor.fullName,
    after: { email: email.email, emailOptIn: input.emailOptIn, language: input.language },
  });
  return mailSettings(db, ctx, config);
}

/* ---------- the admin's view of the outbox ---------- */

/** The outbox is the deployment's: its admins (admin of a top unit) read it. */
async function requireMailAdmin(db: Db, ctx: Ctx): Promise<void> {
  if (!canCreateRootUnit(ctx.actor, await loadUnitTree(db))) throw Forbidden();
}

const STATUSES = {
  problems: ['failed', 'skipped'],
  queued: ['pending', 'sending'],
  sent: ['sent'],
} as const;

export async function outbox(
  db: Db,
  ctx: Ctx,
  q: OutboxQuery,
  config: MailConfig,
  lang: Lang,
): Promise<OutboxPage> {
  await requireMailAdmin(db, ctx);
  const statuses = [...STATUSES[q.status ?? 'problems']];
  const counts = await repo.countOutbox(db);
  const rows = await repo.listOutbox(db, statuses, (q.page - 1) * q.pageSize, q.pageSize);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      title: renderNotification(r.kind, JSON.parse(r.params_json) as never, lang).title,
      recipientId: r.recipient_id,
      recipientName: r.full_name,
      to: r.to_address,
      status: r.status as OutboxPage['items'][number]['status'],
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      lastError: r.last_error,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    })),
    total: statuses.reduce((n, s) => n + (counts[s] ?? 0), 0),
    page: q.page,
    pageSize: q.pageSize,
    counts,
    smtp: config.smtp ? `${config.smtp.host}:${config.smtp.port}` : null,
  };
}

/** A failed or skipped e-mail back in the queue, from its first try (after mending SMTP_*). */
export async function retryOutbox(db: Db, ctx: Ctx, id: number) {
  await requireMailAdmin(db, ctx);
  const row = await repo.findOutbox(db, id);
  if (!row) throw NotFound('outbox_item');
  if (!(await repo.requeue(db, id, nowOf(ctx)))) throw Invalid({ id: { rule: 'invalid' } });
  return { id, status: 'pending' as const };
}

/** Connects to the SMTP server and signs in, without sending: what the admin page's check says. */
export async function checkSmtp(
  db: Db,
  ctx: Ctx,
  config: MailConfig,
  transport: MailTransport | null,
  lang: Lang,
): Promise<SmtpCheck> {
  await requireMailAdmin(db, ctx);
  if (!config.smtp || !transport)
    return { ok: false, message: smtpCheckMessages.off[lang], detail: null };
  const server = `${config.smtp.host}:${config.smtp.port}`;
  try {
    await transport.verify();
    return { ok: true, message: fill(smtpCheckMessages.ok[lang], { server }), detail: null };
  } catch (error) {
    const detail = describeMailError(error);
    return { ok: false, message: fill(smtpCheckMessages.failed[lang], { server, detail }), detail };
  }
}
