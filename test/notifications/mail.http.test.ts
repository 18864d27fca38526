import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { Clock } from '../../src/clock.ts';
import type { Config } from '../../src/config.ts';
import type { SmtpConfig } from '../../src/notifications/mail.config.ts';
import { notify } from '../../src/notifications/notify.ts';
import { SENDER_JOB } from '../../src/notifications/sender.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import {
  buildAccount,
  buildUnit,
  loginCookie,
  testConfig,
  uniq,
} from '../../src/test-support/factories.ts';
import { freePort } from '../../src/test-support/ports.ts';
import { startSmtpServer, type TestSmtpServer } from '../../src/test-support/smtp.ts';
import { apiCaller } from '../api-call.ts';

/*
 * E-mail through a real SMTP server on 127.0.0.1 (smtp-server, each message read by mailparser):
 * what arrives (recipients, the Vietnamese subject encoded and decoded, plain and HTML body),
 * and a server that refuses or is down: the outbox keeps the message, tries again later,
 * gives up after the limit with the error shown to the admin, and the app keeps serving.
 */

const smtpAt = (port: number): SmtpConfig => ({
  host: '127.0.0.1',
  port,
  secure: false,
  user: null,
  password: null,
  from: 'Văn phòng Thị ủy <vanphong@tuson.example.vn>',
});

/** A clock the test moves by hand, so a retry's time comes when the test says. */
function handClock(start: string) {
  let now = Date.parse(start);
  const clock: Clock = () => new Date(now).toISOString();
  return { clock, advance: (ms: number) => (now += ms) };
}

function mailConfig(smtp: SmtpConfig | null): Partial<Config> {
  const base = testConfig();
  return {
    mail: {
      ...base.mail,
      smtp,
      maxAttempts: 3,
      retryBaseMs: 60_000,
      // The test runs the jobs itself.
      sendEveryMs: 3_600_000,
      reminderEveryMs: 3_600_000,
      publicBaseUrl: 'https://giaoban.tuson.example.vn',
    },
  };
}

describeEachEngine('e-mail through SMTP', (db) => {
  let smtp: TestSmtpServer;
  let app: FastifyInstance;
  const time = handClock('2017-12-20T01:00:00Z');
  const call = apiCaller(() => app);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await buildApp({
      config: testConfig(mailConfig(smtpAt(smtp.port))),
      db: db(),
      logger: false,
      clock: time.clock,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  async function people() {
    const unit = await buildUnit(db(), { name: `Hội Liên hiệp Phụ nữ ${uniq()}` });
    const vi = await buildAccount(db(), {
      fullName: 'Nguyễn Thị Hoa',
      email: `hoa.${uniq()}@tuson.example.vn`,
      roles: [{ unitId: unit.id, role: 'reporter' }],
    });
    const en = await buildAccount(db(), {
      email: `lan.${uniq()}@tuson.example.vn`,
      language: 'en',
      roles: [{ unitId: unit.id, role: 'unit_head' }],
    });
    return { unit, vi, en };
  }

  const taskNotice = (id: number, recipients: number[], unitName: string) => ({
    kind: 'task_assigned' as const,
    subject: { type: 'task', id },
    occasion: '',
    recipients,
    params: {
      title: 'Xử lý ô nhiễm làng nghề Đồng Kỵ <khẩn>',
      deadline: '2017-12-31',
      unitName,
      role: 'lead',
    },
    link: `/app/tasks/${id}`,
  });

  const outboxOf = (subjectId: number) =>
    db()
      .selectFrom('outbox')
      .select(['to_address', 'status', 'attempts', 'last_error'])
      .where('subject_id', '=', subjectId)
      .orderBy('id')
      .execute();

  it('sends each recipient one e-mail: Vietnamese subject encoded, plain text and escaped HTML', async () => {
    const { unit, vi, en } = await people();
    const subjectId = 700_001;
    await notify(
      db(),
      { actor: null, now: time.clock },
      taskNotice(subjectId, [vi.id, en.id], unit.name),
    );
    const before = smtp.received.length;
    await app.jobs.runNow(SENDER_JOB);
    const got = smtp.received.slice(before);
    expect(got.map((r) => r.envelopeTo).sort()).toEqual([[vi.email], [en.email]].sort());

    const toVi = got.find((r) => r.envelopeTo[0] === vi.email)!;
    // The header is MIME-encoded (RFC 2047), never raw UTF-8, and decodes to the Vietnamese.
    const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(toVi.raw)![1]!;
    expect(header).toMatch(/=\?UTF-8\?[BQ]\?/i);
    expect(toVi.mail.subject).toBe('Nhiệm vụ mới: Xử lý ô nhiễm làng nghề Đồng Kỵ <khẩn>');
    expect(toVi.mail.from?.value[0]).toEqual({
      address: 'vanphong@tuson.example.vn',
      name: 'Văn phòng Thị ủy',
    });
    expect(toVi.mail.text).toContain(`${unit.name} được giao chủ trì nhiệm vụ`);
    expect(toVi.mail.text).toContain('Thời hạn: 31/12/2017.');
    expect(toVi.mail.text).toContain(`https://giaoban.tuson.example.vn/app/tasks/${subjectId}`);
    expect(toVi.mail.html).toContain('Đồng Kỵ &#60;khẩn&#62;');
    expect(toVi.mail.html).not.toContain('<khẩn>');
    expect(toVi.mail.messageId).toMatch(/^<outbox-\d+@giaoban>$/);

    const toEn = got.find((r) => r.envelopeTo[0] === en.email)!;
    expect(toEn.mail.subject).toBe('New task: Xử lý ô nhiễm làng nghề Đồng Kỵ <khẩn>');
    expect(toEn.mail.text).toContain('Deadline: 31/12/2017.');

    expect((await outboxOf(subjectId)).map((r) => r.status)).toEqual(['sent', 'sent']);
    // Run again: nothing more.
    await app.jobs.runNow(SENDER_JOB);
    expect(smtp.received.length).toBe(before + 2);
  });

  it('keeps an e-mail the server refuses, tries again later, and sends it once the server takes it', async () => {
    const { unit, vi } = await people();
    const subjectId = 700_002;
    await notify(db(), { actor: null, now: time.clock }, taskNotice(subjectId, [vi.id], unit.name));
    const before = smtp.received.length;
    smtp.refuse({ code: 451, message: '4.3.0 Hộp thư tạm thời bận' });
    try {
      await app.jobs.runNow(SENDER_JOB);
      const [row] = await outboxOf(subjectId);
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row!.last_error).toContain('451');
      // The app keeps serving meanwhile.
      const cookie = await loginCookie(app, vi.username);
      const list = await call<{ unread: number }>('GET', '/me/notifications', cookie);
      expect(list.status).toBe(200);
      expect(list.body.unread).toBeGreaterThan(0);
      // Not yet due again: a run now leaves it be.
      await app.jobs.runNow(SENDER_JOB);
      expect((await outboxOf(subjectId))[0]!.attempts).toBe(1);
    } finally {
      smtp.refuse(null);
    }
    time.advance(61_000);
    await app.jobs.runNow(SENDER_JOB);
    expect(await outboxOf(subjectId)).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 2, last_error: null }),
    ]);
    expect(smtp.received.slice(before).map((r) => r.envelopeTo)).toEqual([[vi.email]]);
  });

  it('with the server down: retries with back-off, gives up after the limit keeping the error, the admin sees it and sends it again', async () => {
    const downPort = await freePort();
    const down = await buildApp({
      config: testConfig(mailConfig(smtpAt(downPort))),
      db: db(),
      logger: false,
      clock: time.clock,
    });
    await down.ready();
    try {
      const { unit, vi } = await people();
      const subjectId = 700_003;
      await notify(
        db(),
        { actor: null, now: time.clock },
        taskNotice(subjectId, [vi.id], unit.name),
      );
      const waits: number[] = [];
      for (let attempt = 1; attempt <= 3; attempt++) {
        await down.jobs.runNow(SENDER_JOB);
        const row = (await outboxOf(subjectId))[0]!;
        expect(row.attempts).toBe(attempt);
        expect(row.last_error).toContain('ECONNREFUSED');
        const next = await db()
          .selectFrom('outbox')
          .select('next_attempt_at')
          .where('subject_id', '=', subjectId)
          .executeTakeFirstOrThrow();
        waits.push(Date.parse(next.next_attempt_at) - Date.parse(time.clock()));
        time.advance(10 * 60_000);
      }
      // 1 min, then 2 min; the third failure is the last (MAIL_MAX_ATTEMPTS = 3).
      expect(waits.slice(0, 2)).toEqual([60_000, 120_000]);
      expect((await outboxOf(subjectId))[0]!.status).toBe('failed');

      const admin = await buildAccount(db(), { roles: [{ unitId: unit.id, role: 'admin' }] });
      const cookie = await loginCookie(down, admin.username);
      const downCall = apiCaller(() => down);
      const page = await downCall<{
        items: { id: number; to: string; lastError: string; status: string }[];
      }>('GET', '/admin/outbox', cookie);
      expect(page.status).toBe(200);
      const failed = page.body.items.find((i) => i.to === vi.email)!;
      expect(failed).toMatchObject({ status: 'failed' });
      expect(failed.lastError).toContain('ECONNREFUSED');

      // The SMTP check says so in words, in either language, without failing.
      const check = await downCall<{ ok: boolean; message: string }>(
        'POST',
        '/admin/smtp-check',
        cookie,
      );
      expect(check.status).toBe(200);
      expect(check.body.ok).toBe(false);
      expect(check.body.message).toContain(`Không kết nối được máy chủ thư 127.0.0.1:${downPort}`);
      const checkEn = await downCall<{ message: string }>(
        'POST',
        '/admin/smtp-check',
        cookie,
        undefined,
        'en',
      );
      expect(checkEn.body.message).toContain('Could not connect to the mail server');

      // Sent again through the working server, after the admin's retry.
      expect((await downCall('POST', `/admin/outbox/${failed.id}/retry`, cookie)).status).toBe(200);
      const before = smtp.received.length;
      await app.jobs.runNow(SENDER_JOB);
      expect(smtp.received.slice(before).map((r) => r.envelopeTo)).toEqual([[vi.email]]);
      // A retry of a row that is not failed is refused, nothing changed.
      expect((await downCall('POST', `/admin/outbox/${failed.id}/retry`, cookie)).status).toBe(400);
    } finally {
      await down.close();
    }
  });

  it('with the server unreachable, tries one e-mail per run and leaves the rest untried', async () => {
    const down = await buildApp({
      config: testConfig(mailConfig(smtpAt(await freePort()))),
      db: db(),
      logger: false,
      clock: time.clock,
    });
    await down.ready();
    try {
      const { unit, vi, en } = await people();
      const subjectId = 700_004;
      await notify(
        db(),
        { actor: null, now: time.clock },
        taskNotice(subjectId, [vi.id, en.id], unit.name),
      );
      await down.jobs.runNow(SENDER_JOB);
      const rows = await outboxOf(subjectId);
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([
        ['pending', 1],
        ['pending', 0],
      ]);
      // The untried one goes first on the next run, through a server that answers.
      const before = smtp.received.length;
      await app.jobs.runNow(SENDER_JOB);
      expect(smtp.received.slice(before).map((r) => r.envelopeTo)).toEqual([[en.email]]);
    } finally {
      await down.close();
    }
  });

  it('answers the SMTP check of a working server', async () => {
    const unit = await buildUnit(db());
    const admin = await buildAccount(db(), { roles: [{ unitId: unit.id, role: 'admin' }] });
    const cookie = await loginCookie(app, admin.username);
    const check = await call<{ ok: boolean; message: string }>('POST', '/admin/smtp-check', cookie);
    expect(check.body).toMatchObject({ ok: true });
    expect(check.body.message).toContain(`127.0.0.1:${smtp.port}`);
  });
});
