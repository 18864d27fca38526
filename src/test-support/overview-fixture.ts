import type { Database } from '../db/database.ts';
import * as tasks from '../tasks/tasks.service.ts';
import type { Task } from '../tasks/tasks.schema.ts';
import type { Ctx } from '../units/roles.ts';
import { TASK_DAY, at, buildTaskSetup } from './task-factories.ts';

/**
 * The day the overview of buildOverviewFixture is read: 10/01/2018 00:00 in Asia/Ho_Chi_Minh,
 * still 09/01 in UTC, so a deadline of 09/01 is overdue only when days are Vietnamese ones.
 */
export const OVERVIEW_NOW = '2018-01-09T17:00:00.000Z';

/**
 * The task setup's convener with tasks of known counts as of OVERVIEW_NOW (today 2018-01-10,
 * due window to 2018-01-24). `unit` (U) and `other` (O) of the report setup:
 *
 *   t1  U  2018-01-09  in progress      overdue (the day before today)
 *   t2  U  2018-01-10  not started      due soon (today)
 *   t3  U  2018-01-24  not started      due soon (the window's last day)
 *   t4  U  2018-01-25  not started      open; O coordinates
 *   t5  O  2017-10-20  accepted         reported done 20/10 23:30 (UTC+7): on time, Q4/2017
 *   t6  O  2017-10-20  accepted         reported done 19/10, returned, again 21/10 00:30: late
 *   t7  U  2017-12-01  cancelled        counted nowhere but the unit's list
 *   t8  O  2018-01-20  in progress      extended once (from 30/11/2017); U coordinates; due soon
 *   t9  U  2017-12-31  accepted         reported done 02/01/2018: late, Q1/2018
 *   t10 O  2018-01-05  reported done    open, not owed: neither overdue nor due soon
 *   d0  U  2018-02-28  not started      from the meeting's first directive; O coordinates
 *   d2  O  2017-11-15  accepted         from its third directive, reported done 10/11: on time
 */
export async function buildOverviewFixture(db: Database) {
  const x = await buildTaskSetup(db);
  const { s, meeting, directives } = x;
  const sec = (iso: string) => at(s.ctx.secretary, iso);
  const make = (
    lead: number,
    deadline: string,
    createdAt = TASK_DAY,
    coordinating: number[] = [],
  ) =>
    tasks.createTask(db, sec(createdAt), {
      unitId: s.convener.id,
      title: `Nhiệm vụ hạn ${deadline}`,
      leadUnitId: lead,
      coordinatingUnitIds: coordinating,
      deadline,
      sourceKind: 'other',
    });
  const reporterOf = (t: Task): Ctx =>
    t.leadUnit.unitId === s.unit.id ? s.ctx.reporter : s.ctx.otherReporter;
  const move = async (t: Task, iso: string, action: 'start' | 'report_done' | 'resume') =>
    tasks.transitionTask(db, at(reporterOf(t), iso), t.id, { version: t.version, action });
  const secMove = async (t: Task, iso: string, action: 'accept' | 'return' | 'cancel') =>
    tasks.transitionTask(db, sec(iso), t.id, {
      version: t.version,
      action,
      ...(action !== 'accept' && { comment: 'Cần bổ sung kết quả cụ thể' }),
    });
  const done = async (t: Task, reportedAt: string, acceptedAt: string) =>
    secMove(
      await move(await move(t, TASK_DAY, 'start'), reportedAt, 'report_done'),
      acceptedAt,
      'accept',
    );

  const U = s.unit.id;
  const O = s.other.id;
  const t1 = await move(
    await make(U, '2018-01-09', '2017-12-01T02:00:00Z'),
    '2017-12-02T02:00:00Z',
    'start',
  );
  const t2 = await make(U, '2018-01-10', '2017-12-01T02:00:00Z');
  const t3 = await make(U, '2018-01-24', '2017-12-01T02:00:00Z');
  const t4 = await make(U, '2018-01-25', '2017-12-01T02:00:00Z', [O]);
  const t5 = await done(
    await make(O, '2017-10-20'),
    '2017-10-20T16:30:00Z',
    '2017-10-23T02:00:00Z',
  );
  let t6 = await make(O, '2017-10-20');
  t6 = await secMove(
    await move(await move(t6, TASK_DAY, 'start'), '2017-10-19T02:00:00Z', 'report_done'),
    '2017-10-19T08:00:00Z',
    'return',
  );
  t6 = await move(t6, '2017-10-20T01:00:00Z', 'resume');
  t6 = await secMove(
    await move(t6, '2017-10-20T17:30:00Z', 'report_done'),
    '2017-10-23T02:00:00Z',
    'accept',
  );
  const t7 = await secMove(await make(U, '2017-12-01'), '2017-10-13T02:00:00Z', 'cancel');
  let t8 = await make(O, '2017-11-30', TASK_DAY, [U]);
  t8 = await tasks.changeDeadline(db, sec('2017-11-25T02:00:00Z'), t8.id, {
    version: t8.version,
    deadline: '2018-01-20',
    comment: 'Gia hạn theo đề nghị của đơn vị',
  });
  t8 = await move(t8, '2017-11-26T02:00:00Z', 'start');
  const t9 = await done(
    await make(U, '2017-12-31'),
    '2018-01-02T02:00:00Z',
    '2018-01-03T02:00:00Z',
  );
  const t10 = await move(
    await move(
      await make(O, '2018-01-05', '2017-12-01T02:00:00Z'),
      '2017-12-02T02:00:00Z',
      'start',
    ),
    '2018-01-04T02:00:00Z',
    'report_done',
  );
  const fromMeeting = await tasks.createFromMeeting(db, sec(TASK_DAY), meeting.id, {
    directives: [
      { directiveId: directives[0]!.id, deadline: '2018-02-28' },
      { directiveId: directives[2]!.id },
    ],
  });
  const d0 = fromMeeting.items[0]!;
  const d2 = await done(
    await tasks.getTask(db, sec(TASK_DAY), fromMeeting.items[1]!.id),
    '2017-11-10T03:00:00Z',
    '2017-11-11T03:00:00Z',
  );
  return { ...x, U, O, t: { t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, d0, d2 } };
}
