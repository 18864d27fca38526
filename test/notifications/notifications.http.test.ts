import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notify } from '../../src/notifications/notify.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import {
  buildAccount,
  buildTestApp,
  buildUnit,
  loginCookie,
} from '../../src/test-support/factories.ts';
import { apiCaller } from '../api-call.ts';

/*
 * The notification list (unread count, mark read, mark all read, in the reader's language),
 * the profile's e-mail settings and the admin's account e-mail: a malformed address is refused
 * with a clear message (vi, en) and nothing changes.
 */

type Page = {
  items: { id: number; title: string; readAt: string | null; link: string }[];
  unread: number;
  total: number;
};
type Problem = { error: { code: string; fields?: Record<string, string> } };

describeEachEngine('notifications and e-mail settings over HTTP', (db) => {
  let app: FastifyInstance;
  const call = apiCaller(() => app);
  let unit: { id: number };
  let admin: string;

  beforeAll(async () => {
    app = await buildTestApp(db());
    unit = await buildUnit(db());
    const a = await buildAccount(db(), { roles: [{ unitId: unit.id, role: 'admin' }] });
    admin = await loginCookie(app, a.username);
  });
  afterAll(() => app.close());

  async function person() {
    const account = await buildAccount(db(), { roles: [{ unitId: unit.id, role: 'reporter' }] });
    for (const [i, title] of ['Báo cáo chuyên đề dân vận', 'Kế hoạch tuyên truyền Tết'].entries())
      await notify(
        db(),
        { actor: null },
        {
          kind: 'task_assigned',
          subject: { type: 'task', id: 600_000 + account.id * 10 + i },
          occasion: '',
          recipients: [account.id],
          params: { title, deadline: '2017-12-31', unitName: 'Hội Nông dân', role: 'lead' },
          link: `/app/tasks/${i + 1}`,
        },
      );
    return { account, cookie: await loginCookie(app, account.username) };
  }

  it('lists the caller’s notifications newest first with the unread count, marks one and all read', async () => {
    const { cookie } = await person();
    const list = await call<Page>('GET', '/me/notifications', cookie);
    expect(list.body.unread).toBe(2);
    expect(list.body.items.map((i) => i.title)).toEqual([
      'Nhiệm vụ mới: Kế hoạch tuyên truyền Tết',
      'Nhiệm vụ mới: Báo cáo chuyên đề dân vận',
    ]);
    const en = await call<Page>('GET', '/me/notifications', cookie, undefined, 'en');
    expect(en.body.items[0]!.title).toBe('New task: Kế hoạch tuyên truyền Tết');

    const first = list.body.items[0]!;
    const read = await call<{ unread: number }>(
      'POST',
      `/me/notifications/${first.id}/read`,
      cookie,
    );
    expect(read.body.unread).toBe(1);
    const unread = await call<Page>('GET', '/me/notifications?unread=true', cookie);
    expect(unread.body.items.map((i) => i.id)).not.toContain(first.id);
    expect(unread.body.total).toBe(1);
    expect(
      (await call<{ updated: number }>('POST', '/me/notifications/read-all', cookie)).body.updated,
    ).toBe(1);
    expect((await call<Page>('GET', '/me/notifications', cookie)).body.unread).toBe(0);
  });

  it('refuses someone else’s notification and an unknown one as not found, in vi and en', async () => {
    const mine = await person();
    const theirs = await person();
    const other = (await call<Page>('GET', '/me/notifications', theirs.cookie)).body.items[0]!;
    const refused = await call<Problem & { error: { message: string } }>(
      'POST',
      `/me/notifications/${other.id}/read`,
      mine.cookie,
    );
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe('Không tìm thấy thông báo.');
    const en = await call<{ error: { message: string } }>(
      'POST',
      '/me/notifications/2147483647/read',
      mine.cookie,
      undefined,
      'en',
    );
    expect(en.status).toBe(404);
    expect(en.body.error.message).toBe('Notification not found.');
    expect((await call<Page>('GET', '/me/notifications', theirs.cookie)).body.unread).toBe(2);
  });

  it('saves the profile’s e-mail settings; a malformed address is refused and nothing changes', async () => {
    const { cookie } = await person();
    const saved = await call('PUT', '/me/mail-settings', cookie, {
      email: '  Hoa.Nguyen@TuSon.Gov.VN ',
      emailOptIn: true,
      language: 'en',
    });
    expect(saved.body).toEqual({
      email: 'Hoa.Nguyen@tuson.gov.vn',
      emailOptIn: true,
      language: 'en',
      emailEnabled: false,
    });
    for (const [lang, text] of [
      ['vi', 'Địa chỉ thư điện tử không đúng'],
      ['en', 'This is not an e-mail address'],
    ] as const) {
      const bad = await call<Problem>(
        'PUT',
        '/me/mail-settings',
        cookie,
        { email: 'hoa.nguyen@tuson', emailOptIn: false, language: 'vi' },
        lang,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields?.email).toContain(text);
    }
    expect((await call('GET', '/me/mail-settings', cookie)).body).toEqual(saved.body);
    const wrongLanguage = await call<Problem>('PUT', '/me/mail-settings', cookie, {
      email: null,
      emailOptIn: true,
      language: 'fr',
    });
    expect(wrongLanguage.status).toBe(400);
  });

  it('lets the admin give an account an e-mail address; a malformed one is refused, nothing changed', async () => {
    const bad = await call<Problem>('POST', '/accounts', admin, {
      username: `thu.${unit.id}.moi`,
      password: 'mat-khau-dai-du-12',
      fullName: 'Trần Văn Thư',
      email: 'thu@@tuson.gov.vn',
      roles: [{ unitId: unit.id, role: 'reporter' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.email).toContain('Địa chỉ thư điện tử không đúng');
    const none = await db()
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', `thu.${unit.id}.moi`)
      .execute();
    expect(none).toEqual([]);

    const made = await call<{ id: number; version: number; email: string | null }>(
      'POST',
      '/accounts',
      admin,
      {
        username: `thu.${unit.id}.moi`,
        password: 'mat-khau-dai-du-12',
        fullName: 'Trần Văn Thư',
        email: 'thu.tran@tuson.gov.vn',
        roles: [{ unitId: unit.id, role: 'reporter' }],
      },
    );
    expect(made.status).toBe(201);
    expect(made.body.email).toBe('thu.tran@tuson.gov.vn');
    const refused = await call<Problem>(
      'PATCH',
      `/accounts/${made.body.id}`,
      admin,
      { version: made.body.version, email: 'thu tran@tuson.gov.vn' },
      'en',
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields?.email).toContain('This is not an e-mail address');
    const cleared = await call<{ email: string | null }>(
      'PATCH',
      `/accounts/${made.body.id}`,
      admin,
      {
        version: made.body.version,
        email: '',
      },
    );
    expect(cleared.body.email).toBeNull();
  });
});
