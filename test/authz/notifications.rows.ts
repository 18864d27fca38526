import { notify } from '../../src/notifications/notify.ts';
import { allow, anySignedIn, CALLERS, type Fixture, type Row } from './table.ts';

/*
 * Notifications are each person's own: every signed-in caller reads and marks their own list; a
 * notification of someone else is not found (404), even for an admin. The outbox and the SMTP
 * check are the deployment's: only an admin of a top unit (rootAdmin) sees them.
 */

let n = 0;

/** A notification of `nobody`'s, and the e-mail it queued, given up as failed. */
async function nobodysNotification(fx: Fixture) {
  const subject = { type: 'task', id: 1_000_000 + ++n };
  await fx.db
    .updateTable('accounts')
    .set({ email: 'nobody@tuson.example.vn' })
    .where('id', '=', fx.accounts.nobody)
    .execute();
  await notify(
    fx.db,
    { actor: null },
    {
      kind: 'task_due_soon',
      subject,
      occasion: '2017-12-23',
      recipients: [fx.accounts.nobody],
      params: { title: 'Nhiệm vụ thử', deadline: '2017-12-23', unitName: 'Đơn vị A' },
      link: '/app/tasks/1',
    },
  );
  const entry = await fx.db
    .selectFrom('notifications')
    .select('id')
    .where('subject_id', '=', subject.id)
    .executeTakeFirstOrThrow();
  const mail = await fx.db
    .updateTable('outbox')
    .set({ status: 'failed', attempts: 8, last_error: 'ECONNREFUSED' })
    .where('subject_id', '=', subject.id)
    .returning('id')
    .executeTakeFirstOrThrow();
  return { entry: entry.id, mail: mail.id };
}

/** Only `nobody` reaches their own notification; everyone else is told it does not exist. */
const ownerOnly = (ok: number) =>
  Object.fromEntries(
    CALLERS.map((c) => [c, c === 'anonymous' ? 401 : c === 'nobody' ? ok : 404]),
  ) as Row['expect'];

export const notificationRows: Row[] = [
  {
    route: 'GET /api/v1/me/notifications',
    request: async () => ({ url: '/api/v1/me/notifications' }),
    expect: anySignedIn(200),
  },
  {
    route: 'POST /api/v1/me/notifications/:id/read',
    request: async (fx) => ({
      url: `/api/v1/me/notifications/${(await nobodysNotification(fx)).entry}/read`,
    }),
    expect: ownerOnly(200),
  },
  {
    route: 'POST /api/v1/me/notifications/read-all',
    request: async () => ({ url: '/api/v1/me/notifications/read-all' }),
    expect: anySignedIn(200),
  },
  {
    route: 'GET /api/v1/me/mail-settings',
    request: async () => ({ url: '/api/v1/me/mail-settings' }),
    expect: anySignedIn(200),
  },
  {
    route: 'PUT /api/v1/me/mail-settings',
    request: async () => ({
      url: '/api/v1/me/mail-settings',
      payload: { email: null, emailOptIn: true, language: 'vi' },
    }),
    expect: anySignedIn(200),
  },
  {
    route: 'GET /api/v1/admin/outbox',
    request: async () => ({ url: '/api/v1/admin/outbox' }),
    expect: allow(['rootAdmin'], 200),
  },
  {
    route: 'POST /api/v1/admin/outbox/:id/retry',
    request: async (fx) => ({
      url: `/api/v1/admin/outbox/${(await nobodysNotification(fx)).mail}/retry`,
    }),
    expect: allow(['rootAdmin'], 200),
  },
  {
    route: 'POST /api/v1/admin/smtp-check',
    request: async () => ({ url: '/api/v1/admin/smtp-check' }),
    expect: allow(['rootAdmin'], 200),
  },
];
