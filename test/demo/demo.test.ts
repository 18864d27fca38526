import { beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/demo.ts';
import { DEMO_PRESENT } from '../../src/demo/demo-clock.ts';
import { vnDayStartIso } from '../../src/text/format.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';

/*
 * The demo is built through the services, so its rows are what its users would have made: every
 * step of a report taken by an account holding the role it needs, on its 2017 day, and every
 * change in the audit log.
 */

const NEEDS: Record<string, string> = {
  send: 'reporter',
  approve: 'unit_head',
  accept: 'secretariat',
  return: 'secretariat',
};

describeEachEngine('the demo', (db) => {
  beforeAll(async () => {
    expect(await loadDemo(db())).toBe(true);
  });

  it('takes every report step as an account holding the role the step needs', async () => {
    const events = await db()
      .selectFrom('report_events as e')
      .innerJoin('unit_reports as r', 'r.id', 'e.report_id')
      .innerJoin('report_periods as p', 'p.id', 'r.period_id')
      .select([
        'e.action',
        'e.actor_id',
        'e.actor_name',
        'e.at',
        'r.unit_id',
        'p.unit_id as convener',
      ])
      .execute();
    expect(events.length).toBeGreaterThan(100);
    const roles = await db().selectFrom('account_roles').selectAll().execute();
    for (const e of events) {
      const needed = NEEDS[e.action]!;
      const unit = needed === 'secretariat' ? e.convener : e.unit_id;
      expect(e.actor_name, `${e.action} of unit ${e.unit_id}`).not.toBeNull();
      expect(roles).toContainEqual({ account_id: e.actor_id, unit_id: unit, role: needed });
      expect(e.at.slice(0, 4)).toBe('2017');
    }
  });

  it('records each change in the audit log at its 2017 moment, by who made it', async () => {
    const entries = await db().selectFrom('audit_log').selectAll().orderBy('id').execute();
    const reports = entries.filter((e) => e.entity_type === 'report');
    const saves = await db().selectFrom('report_revisions').select('id').execute();
    const events = await db().selectFrom('report_events').select('id').execute();
    expect(reports).toHaveLength(saves.length + events.length);
    // The console operator sets the deployment up (the first unit and its admin); everyone
    // else acts signed in. Only the entry saying the demo was loaded carries today's date.
    const [unit, admin, ...rest] = entries.filter((e) => e.entity_type !== 'demo');
    expect([unit!.entity_type, unit!.actor_id, admin!.entity_type, admin!.actor_id]).toEqual([
      'unit',
      null,
      'account',
      null,
    ]);
    for (const e of rest) {
      expect(e.actor_name, `${e.entity_type} ${e.summary}`).not.toBeNull();
      expect(e.at.slice(0, 4)).toBe('2017');
    }
    const loaded = entries.filter((e) => e.entity_type === 'demo');
    expect(loaded).toHaveLength(1);
    expect(loaded[0]!.at.slice(0, 4)).not.toBe('2017');
  });

  it('publishes the articles at their time, by the editor, with their readers’ views', async () => {
    const article = await db()
      .selectFrom('portal_articles')
      .selectAll()
      .where('title', 'like', 'Giao ban khối Đảng, đoàn thể Quý III/2017%')
      .executeTakeFirstOrThrow();
    expect([article.state, article.publish_at, Number(article.views)]).toEqual([
      'published',
      '2017-10-12T01:56:00.000Z',
      551,
    ]);
    const revisions = await db()
      .selectFrom('portal_revisions')
      .select('actor_name')
      .where('article_id', '=', article.id)
      .execute();
    expect(revisions.map((r) => r.actor_name)).toEqual(['Nguyễn Thu Thủy']);
  });

  it('leaves every published article last changed at its own 2017 moment, not at the load', async () => {
    const published = await db()
      .selectFrom('portal_articles')
      .select(['updated_at', 'publish_at'])
      .where('state', '=', 'published')
      .execute();
    expect(published.length).toBeGreaterThan(0);
    for (const a of published) {
      expect(a.updated_at.slice(0, 4)).toBe('2017');
      expect(a.publish_at?.slice(0, 4)).toBe('2017');
    }
  });

  it('takes no step after the demo’s present, the moment its calendar starts from', async () => {
    const last = await db()
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('entity_type', '!=', 'demo')
      .executeTakeFirstOrThrow();
    const present = new Date(DEMO_PRESENT).toISOString();
    expect(String(last.at) < present, `last step ${String(last.at)}`).toBe(true);
    // The morning after it: the last step is on the day before.
    expect(vnDayStartIso(String(last.at).slice(0, 10), 1) <= present).toBe(true);
  });

  it('turns the Quý III directives into tasks: updated, one accepted, one awaiting acceptance, one overdue', async () => {
    const tasks = await db()
      .selectFrom('tasks')
      .select(['id', 'state', 'deadline', 'extensions', 'lead_unit_id', 'source_kind'])
      .orderBy('source_directive_id')
      .execute();
    expect(tasks.map((t) => t.state)).toEqual([
      'in_progress',
      'accepted',
      'reported_done',
      'not_started',
      'in_progress',
      'in_progress',
      'in_progress',
    ]);
    expect(tasks.every((t) => t.source_kind === 'directive')).toBe(true);
    const present = DEMO_PRESENT.slice(0, 10);
    const overdue = tasks.filter(
      (t) => ['not_started', 'in_progress', 'returned'].includes(t.state) && t.deadline < present,
    );
    expect(overdue.map((t) => [t.deadline, t.extensions])).toEqual([['2017-12-20', 1]]);
    expect(tasks.every((t) => t.deadline >= '2017-10-01' && t.deadline <= '2017-12-31')).toBe(true);
    const coordinating = await db().selectFrom('task_units').select('task_id').execute();
    expect(coordinating.length).toBeGreaterThan(10);
    const updates = await db()
      .selectFrom('task_updates')
      .select(['role', 'approval', 'created_at'])
      .execute();
    expect(updates.length).toBeGreaterThanOrEqual(10);
    expect(new Set(updates.map((u) => u.role))).toEqual(new Set(['lead', 'coordinating']));
    expect(updates.every((u) => u.created_at < new Date(DEMO_PRESENT).toISOString())).toBe(true);
  });

  it('leaves notifications in the demo accounts’ lists, made by the demo’s own steps', async () => {
    const rows = await db()
      .selectFrom('notifications')
      .innerJoin('accounts', 'accounts.id', 'notifications.account_id')
      .select(['accounts.username', 'notifications.kind', 'notifications.created_at'])
      .execute();
    const kinds = (username: string) =>
      new Set(rows.filter((r) => r.username === username).map((r) => r.kind));
    // The Women's Union's reporter: invited to the meetings, its report deadlines.
    expect(kinds('phunu.tonghop')).toContain('meeting_invitation');
    expect([...new Set(rows.map((r) => r.kind))]).toEqual(
      expect.arrayContaining(['meeting_invitation', 'report_returned']),
    );
    const present = new Date(DEMO_PRESENT).toISOString();
    for (const r of rows) expect(r.created_at < present).toBe(true);
  });
});
