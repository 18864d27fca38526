import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { fixedClock, systemClock, type Clock } from '../../src/clock.ts';
import { DEMO_PASSWORD, loadDemo } from '../../src/demo/demo.ts';
import { DEMO_PRESENT, clockFor, demoClock, demoLoadedAt } from '../../src/demo/demo-clock.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { loginCookie, testConfig } from '../../src/test-support/factories.ts';

/*
 * "Today" for deadlines is the app's clock, never the system's: the period board and the home
 * page's to-do list on a fixed clock; and a database holding the demo runs on the demo's own
 * calendar, so its Quý III reports are three months overdue, not nine years.
 */

interface ReportItem {
  periodName: string;
  daysLeft: number;
  overdue: boolean;
}
interface Todo {
  reports: { toWrite: ReportItem[]; toApprove: ReportItem[] };
}
interface Board {
  today: string;
  rows: { unitName: string; overdue: boolean; status: string }[];
}

async function get<T>(app: FastifyInstance, cookie: string, url: string): Promise<T> {
  const response = await app.inject({ url: `/api/v1${url}`, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

async function quarters(app: FastifyInstance, cookie: string) {
  const periods = await get<{ items: { id: number; name: string }[] }>(app, cookie, '/periods');
  return (name: string) => periods.items.find((p) => p.name === name)!.id;
}

describe('the demo clock', () => {
  it('starts at the demo’s present when the demo is loaded and moves on with real time', () => {
    let now = '2026-12-04T02:00:00.000Z';
    const clock = demoClock(now, () => now);
    expect(clock()).toBe(new Date(DEMO_PRESENT).toISOString());
    now = '2026-12-04T03:30:00.000Z';
    expect(clock()).toBe('2017-12-23T02:30:00.000Z');
  });
});

describeEachEngine('deadlines on the app’s clock', (db) => {
  const apps: FastifyInstance[] = [];
  let loadedAt: string;
  beforeAll(async () => {
    loadedAt = systemClock();
    expect(await loadDemo(db(), demoClock(loadedAt))).toBe(true);
  });
  afterAll(() => Promise.all(apps.map((a) => a.close())));
  const appOn = async (clock: Clock) => {
    const app = await buildApp({ config: testConfig(), db: db(), logger: false, clock });
    apps.push(app);
    return app;
  };

  it('judges the board and the to-do list by a fixed clock: 20/09/2017, before Quý III is due', async () => {
    const app = await appOn(fixedClock('2017-09-20T09:00:00+07:00'));
    const secretary = await loginCookie(app, 'vanphong', DEMO_PASSWORD);
    const q3 = (await quarters(app, secretary))('Quý III/2017');
    const board = await get<Board>(app, secretary, `/periods/${q3}/board`);
    expect(board.today).toBe('2017-09-20');
    expect(board.rows.some((r) => r.status === 'missing')).toBe(true);
    expect(board.rows.filter((r) => r.overdue)).toEqual([]);
    const reporter = await loginCookie(app, 'phunu.tonghop', DEMO_PASSWORD);
    const todo = await get<Todo>(app, reporter, '/me/todo');
    const item = todo.reports.toWrite.find((r) => r.periodName === 'Quý III/2017')!;
    expect([item.daysLeft, item.overdue]).toEqual([5, false]);
  });

  it('runs a demo database on the demo’s calendar: Quý III 89 days overdue, Quý IV three', async () => {
    const recorded = (await demoLoadedAt(db()))!;
    expect(Date.parse(recorded) - Date.parse(loadedAt)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(recorded) - Date.parse(loadedAt)).toBeLessThan(60_000);
    const app = await appOn(await clockFor(db()));
    const secretary = await loginCookie(app, 'vanphong', DEMO_PASSWORD);
    const period = await quarters(app, secretary);
    const board = await get<Board>(app, secretary, `/periods/${period('Quý III/2017')}/board`);
    expect(board.today).toBe('2017-12-23');
    const late = board.rows.filter((r) => r.overdue).map((r) => r.unitName);
    expect(late).toContain('Hội Liên hiệp Phụ nữ thị xã Từ Sơn');
    const q4 = await get<Board>(app, secretary, `/periods/${period('Quý IV/2017')}/board`);
    // Every Quý IV report is three days late but Ban Tuyên giáo's, sent on the deadline day.
    expect(q4.rows.filter((r) => !r.overdue).map((r) => r.unitName)).toEqual([
      'Ban Tuyên giáo Thị ủy',
    ]);

    const reporter = await loginCookie(app, 'phunu.tonghop', DEMO_PASSWORD);
    const todo = await get<Todo>(app, reporter, '/me/todo');
    const days = Object.fromEntries(
      todo.reports.toWrite.map((r) => [r.periodName, [r.daysLeft, r.overdue]]),
    );
    expect(days).toEqual({ 'Quý III/2017': [-89, true], 'Quý IV/2017': [-3, true] });

    // The head of Đình Bảng has the demo's report awaiting approval on their home page.
    const head = await loginCookie(app, 'dinhbang.lanhdao', DEMO_PASSWORD);
    const approve = (await get<Todo>(app, head, '/me/todo')).reports.toApprove;
    expect(approve.map((r) => [r.periodName, r.daysLeft])).toEqual([['Quý III/2017', -89]]);
  });
});

describeEachEngine('a database without the demo', (db) => {
  it('keeps the system clock', async () => {
    expect(await demoLoadedAt(db())).toBeNull();
    expect(await clockFor(db())).toBe(systemClock);
  });
});
