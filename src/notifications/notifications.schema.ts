import { Type, type Static } from 'typebox';
import { Nullable, PageOf } from '../http/schema-helpers.ts';
import { NOTIFICATION_KINDS } from './templates.ts';

const Kind = Type.Enum(NOTIFICATION_KINDS);

export const NotificationItem = Type.Object({
  id: Type.Integer(),
  kind: Kind,
  /** The line to show, in the request's language. */
  title: Type.String(),
  /** The rest of the text. */
  body: Type.String(),
  /** The subject's page in the workspace (/app/…). */
  link: Type.String(),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});
export type NotificationItem = Static<typeof NotificationItem>;

export const NotificationPage = Type.Object({
  ...PageOf(NotificationItem).properties,
  unread: Type.Integer({ description: 'Unread entries of the whole list' }),
});
export type NotificationPage = Static<typeof NotificationPage>;

export const NotificationQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'Only the unread ones' })),
    page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type NotificationQuery = Static<typeof NotificationQuery>;

/** After marking read: how many entries changed, and the unread left. */
export const ReadAllResult = Type.Object({ updated: Type.Integer(), unread: Type.Integer() });

export const RetryResult = Type.Object({ id: Type.Integer(), status: Type.Literal('pending') });

export const Language = Type.Union([Type.Literal('vi'), Type.Literal('en')]);

export const MailSettings = Type.Object({
  email: Nullable(Type.String()),
  emailOptIn: Type.Boolean(),
  language: Language,
  /** False when the server sends no e-mail (SMTP_HOST unset): the choice is kept for later. */
  emailEnabled: Type.Boolean(),
});
export type MailSettings = Static<typeof MailSettings>;

export const MailSettingsBody = Type.Object(
  {
    email: Nullable(Type.String({ maxLength: 300 })),
    emailOptIn: Type.Boolean(),
    language: Language,
  },
  { additionalProperties: false },
);
export type MailSettingsBody = Static<typeof MailSettingsBody>;

const OutboxStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('sending'),
  Type.Literal('sent'),
  Type.Literal('failed'),
  Type.Literal('skipped'),
]);

export const OutboxItem = Type.Object({
  id: Type.Integer(),
  kind: Kind,
  title: Type.String(),
  recipientId: Type.Integer(),
  recipientName: Type.String(),
  to: Type.String(),
  status: OutboxStatus,
  attempts: Type.Integer(),
  nextAttemptAt: Type.String(),
  lastError: Nullable(Type.String()),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
});
export type OutboxItem = Static<typeof OutboxItem>;

export const OutboxQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal('problems'), Type.Literal('queued'), Type.Literal('sent')], {
        description: 'problems: failed and skipped (default); queued: pending and sending; sent',
      }),
    ),
    page: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type OutboxQuery = Static<typeof OutboxQuery>;

export const OutboxPage = Type.Object({
  ...PageOf(OutboxItem).properties,
  counts: Type.Record(Type.String(), Type.Integer()),
  /** The SMTP server e-mail goes through (host:port), or null when e-mail is off. */
  smtp: Nullable(Type.String()),
});
export type OutboxPage = Static<typeof OutboxPage>;

export const SmtpCheck = Type.Object({
  ok: Type.Boolean(),
  /** What happened, in the request's language. */
  message: Type.String(),
  /** The server's own words (or the network error), when it failed. */
  detail: Nullable(Type.String()),
});
export type SmtpCheck = Static<typeof SmtpCheck>;
