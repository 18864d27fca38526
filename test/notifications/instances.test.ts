import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postgresUrlOf } from '../../src/db/database.ts';
import { buildAccount } from '../../src/test-support/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../src/test-support/engines.ts';
import { startSmtpServer, type TestSmtpServer } from '../../src/test-support/smtp.ts';
import { at, buildTaskSetup, TASK_DAY } from '../../src/test-support/task-factories.ts';
import * as tasks from '../../src/tasks/tasks.service.ts';
import { startServerProcess, type ServerProcess } from '../processes.ts';

/*
 * Two app instances (processes of their own) on one PostgreSQL database, both running the
 * reminder and sender jobs every 200 ms, with tasks falling due (their 2017 deadlines have passed
 * by the system clock the processes run on): each recipient gets exactly one e-mail per task and
 * kind, and none more after both instances restart.
 */

const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('e-mail exactly once from two app instances [postgres (server)]', () => {
  let handle: TestDatabase;
  let smtp: TestSmtpServer;
  let env: Record<string, string>;
  let setup: Awaited<ReturnType<typeof buildTaskSetup>>;
  const running: ServerProcess[] = [];
  const recipients: string[] = [];

  const issue = (title: string, deadline: string) =>
    tasks.createTask(handle.db, at(setup.s.ctx.secretary, TASK_DAY), {
      unitId: setup.s.convener.id,
      title,
      leadUnitId: setup.s.unit.id,
      deadline,
      sourceKind: 'other',
    });

  /** The e-mails that arrived with this subject, by recipient. */
  const arrived = (subject: string) => {
    const by = new Map<string, number>();
    for (const r of smtp.received.filter((m) => m.mail.subject === subject))
      for (const to of r.envelopeTo) by.set(to, (by.get(to) ?? 0) + 1);
    return by;
  };
  const everyoneGot = (subject: string) =>
    vi.waitFor(() => expect([...arrived(subject).keys()].sort()).toEqual([...recipients].sort()), {
      timeout: 60_000,
      interval: 100,
    });
  const startBoth = async () => {
    running.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
  };
  const stopAll = async () => {
    await Promise.all(running.splice(0).map((p) => p.stop()));
  };

  beforeAll(async () => {
    handle = await createTestDatabase('postgres');
    setup = await buildTaskSetup(handle.db);
    const { accounts, unit } = setup.s;
    // The lead unit's people, each with an address: its head, its reporter and eight more.
    for (const a of [accounts.reporter, accounts.head]) {
      const email = `${a.username}@tuson.example.vn`;
      await handle.db.updateTable('accounts').set({ email }).where('id', '=', a.id).execute();
      recipients.push(email);
    }
    for (let i = 0; i < 8; i++) {
      const extra = await buildAccount(handle.db, {
        email: `phong.vien.${i}.${unit.id}@tuson.example.vn`,
        roles: [{ unitId: unit.id, role: 'reporter' }],
      });
      recipients.push(extra.email!);
    }
    smtp = await startSmtpServer();
    env = {
      DATABASE_URL: postgresUrlOf(handle.db)!,
      GIAOBAN_DEMO: '0',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'Giao Ban <giaoban@tuson.example.vn>',
      MAIL_SEND_MS: '200',
      REMINDER_CHECK_MS: '200',
    };
  }, 60_000);

  afterAll(async () => {
    await stopAll();
    await smtp?.close();
    await handle?.close();
  });

  it('sends one e-mail per recipient, none more after both instances restart', async () => {
    const first = await issue('Rà soát hồ sơ đất đai tồn đọng ở phường Đồng Nguyên', '2017-10-20');
    await startBoth();
    await everyoneGot(`Quá hạn: ${first.title}`);
    await everyoneGot(`Nhiệm vụ mới: ${first.title}`);
    await stopAll();

    // A second task, issued while both are down: once its reminder has reached everyone after
    // the restart, both instances have run their reminder and sender jobs since.
    const second = await issue('Tổng kết mô hình dân vận khéo năm 2017', '2017-10-25');
    await startBoth();
    await everyoneGot(`Quá hạn: ${second.title}`);
    await everyoneGot(`Nhiệm vụ mới: ${second.title}`);
    await stopAll();

    for (const task of [first, second])
      for (const subject of [`Quá hạn: ${task.title}`, `Nhiệm vụ mới: ${task.title}`])
        expect(Object.fromEntries(arrived(subject)), subject).toEqual(
          Object.fromEntries(recipients.map((r) => [r, 1])),
        );
    const ids = smtp.received.map((r) => r.mail.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    const left = await handle.db
      .selectFrom('outbox')
      .select('status')
      .where('status', 'in', ['pending', 'sending'])
      .where('kind', 'like', 'task_%')
      .execute();
    expect(left).toEqual([]);
  }, 240_000);
});
