import { expect, it } from 'vitest';
import { AppError } from '../../src/http/errors.ts';
import type { Figure, TaskOverview } from '../../src/tasks/overview.schema.ts';
import { taskOverview } from '../../src/tasks/overview.service.ts';
import * as tasks from '../../src/tasks/tasks.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { OVERVIEW_NOW, buildOverviewFixture } from '../../src/test-support/overview-fixture.ts';
import { at } from '../../src/test-support/task-factories.ts';

/** Every figure of the overview, with where it is, to follow each to its list. */
function allFigures(o: TaskOverview): [string, Figure][] {
  const out: [string, Figure][] = [];
  const walk = (path: string, v: unknown) => {
    if (v && typeof v === 'object' && 'count' in v && 'filter' in v) out.push([path, v as Figure]);
    else if (v && typeof v === 'object')
      for (const [k, w] of Object.entries(v)) walk(path ? `${path}.${k}` : k, w);
  };
  walk('', { totals: o.totals, units: o.units, meetings: o.meetings, quarters: o.quarters });
  return out;
}

describeEachEngine('the chair’s overview of tasks', (db) => {
  it('counts by unit, due window, completion, extensions and on time vs late in UTC+7 days', async () => {
    const fx = await buildOverviewFixture(db());
    const chair = at(fx.s.ctx.chair, OVERVIEW_NOW);
    const o = await taskOverview(db(), chair, {});
    expect(o).toMatchObject({ unitId: fx.s.convener.id, today: '2018-01-10', dueDays: 14 });
    expect(o.conveners).toEqual([{ unitId: fx.s.convener.id, unitName: fx.s.convener.name }]);

    const counts = (f: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(f).map(([k, v]) => [k, (v as Figure | null)?.count ?? v]));
    expect(counts(o.totals)).toEqual({
      open: 7,
      overdue: 1,
      dueSoon: 3,
      accepted: 4,
      assigned: 11,
      rate: 0.364,
      extended: 1,
      extensions: 1,
    });
    const unit = o.units.find((u) => u.unitId === fx.U)!;
    const other = o.units.find((u) => u.unitId === fx.O)!;
    expect(o.units.map((u) => u.unitId)).toEqual([fx.U, fx.O]);
    expect(counts(unit.lead)).toEqual({ open: 5, overdue: 1, dueSoon: 2 });
    expect(counts(unit.coordinating)).toEqual({ open: 1, overdue: 0, dueSoon: 1 });
    expect([unit.accepted.count, unit.assigned.count, unit.rate]).toEqual([1, 6, 0.167]);
    expect([unit.extended.count, unit.extensions]).toEqual([0, 0]);
    expect(counts(other.lead)).toEqual({ open: 2, overdue: 0, dueSoon: 1 });
    expect(counts(other.coordinating)).toEqual({ open: 2, overdue: 0, dueSoon: 0 });
    expect([other.accepted.count, other.assigned.count, other.rate]).toEqual([3, 5, 0.6]);
    expect([other.extended.count, other.extensions]).toEqual([1, 1]);

    expect(o.meetings).toHaveLength(1);
    expect(o.meetings[0]).toMatchObject({
      meetingId: fx.meeting.id,
      title: fx.meeting.title,
      rate: 0.5,
    });
    expect(counts(o.meetings[0]!)).toMatchObject({ open: 1, accepted: 1, assigned: 2 });

    expect(o.quarters.map((q) => [q.year, q.quarter, q.onTime.count, q.late.count])).toEqual([
      [2017, 4, 2, 1],
      [2018, 1, 0, 1],
    ]);

    // Every figure leads to exactly the tasks it counts, through the task list's filters.
    const ids = (list: { items: { id: number }[] }) =>
      list.items.map((t) => t.id).sort((a, b) => a - b);
    for (const [path, figure] of allFigures(o)) {
      const list = await tasks.listTasks(db(), chair, { ...figure.filter, page: 1, pageSize: 200 });
      expect(list.total, path).toBe(figure.count);
    }
    const { t } = fx;
    const listOf = async (f: Figure) =>
      ids(await tasks.listTasks(db(), chair, { ...f.filter, page: 1, pageSize: 200 }));
    const sorted = (...xs: { id: number }[]) => xs.map((x) => x.id).sort((a, b) => a - b);
    expect(await listOf(o.totals.overdue)).toEqual(sorted(t.t1));
    expect(await listOf(o.totals.dueSoon)).toEqual(sorted(t.t2, t.t3, t.t8));
    expect(await listOf(o.quarters[0]!.onTime)).toEqual(sorted(t.t5, t.d2));
    expect(await listOf(o.quarters[0]!.late)).toEqual(sorted(t.t6));
    expect(await listOf(o.quarters[1]!.late)).toEqual(sorted(t.t9));
    expect(await listOf(unit.coordinating.open)).toEqual(sorted(t.t8));
    expect(await listOf(other.extended)).toEqual(sorted(t.t8));
  });

  it('is the same for the secretariat, refuses the lead unit’s people, and names an unknown unit', async () => {
    const fx = await buildOverviewFixture(db());
    const sec = await taskOverview(db(), at(fx.s.ctx.secretary, OVERVIEW_NOW), {
      unitId: fx.s.convener.id,
    });
    expect(sec.totals.open.count).toBe(7);
    const refusal = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        if (e instanceof AppError) return e;
        throw e;
      }
      throw new Error('expected a refusal');
    };
    const reporter = at(fx.s.ctx.reporter, OVERVIEW_NOW);
    expect((await refusal(taskOverview(db(), reporter, {}))).status).toBe(403);
    expect((await refusal(taskOverview(db(), reporter, { unitId: fx.s.convener.id }))).status).toBe(
      403,
    );
    // The chair of the committee does not chair the board beneath it.
    const chair = at(fx.s.ctx.chair, OVERVIEW_NOW);
    const unitOverview = await taskOverview(db(), chair, { unitId: fx.U });
    expect(unitOverview.totals.open.count).toBe(0);
    const unknown = await refusal(taskOverview(db(), chair, { unitId: 999_999 }));
    expect([unknown.status, unknown.fields]).toEqual([400, { unitId: { rule: 'notFound' } }]);
  });

  it('refuses a role without a unit and done days out of order in the task list', async () => {
    const fx = await buildOverviewFixture(db());
    const chair = at(fx.s.ctx.chair, OVERVIEW_NOW);
    await expect(
      tasks.listTasks(db(), chair, {
        role: 'lead',
        doneFrom: '2018-01-02',
        doneTo: '2018-01-01',
        page: 1,
        pageSize: 10,
      }),
    ).rejects.toMatchObject({
      status: 400,
      fields: { unitId: { rule: 'required' }, doneTo: { rule: 'dateOrder' } },
    });
  });
});
