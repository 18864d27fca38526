import * as catalog from '../../src/reports/catalog.service.ts';
import * as periods from '../../src/reports/periods.service.ts';
import { listReports } from '../../src/reports/reports.repository.ts';
import * as tasks from '../../src/tasks/tasks.service.ts';
import { uniq } from '../../src/test-support/factories.ts';
import { ctxOf, freshMeeting } from './meetings.rows.ts';
import { allow, type Fixture, type Row } from './table.ts';

/*
 * The loop between tasks and reports. A's draft report of a period of the committee (root) is
 * read by A's people and the committee's secretariat and chair, and its answers about A's tasks
 * are written by A's reporter and head; a meeting's follow-up of the tasks is read by whoever
 * reads the meeting.
 */

/** One draft report of A per database, in a period of its own, with a task A leads. */
const drafts = new WeakMap<object, Promise<{ reportId: number; taskId: number }>>();
function sharedDraft(fx: Fixture) {
  let p = drafts.get(fx.db);
  if (!p) {
    p = (async () => {
      const sec = ctxOf(fx, 'secretary');
      const indicator = await catalog.createIndicator(fx.db, sec, {
        code: `VL_${uniq()}`,
        name: 'Chỉ tiêu vòng nhiệm vụ',
        measure: 'người',
        aggregation: 'sum',
        higherIsBetter: true,
        allowNegative: false,
      });
      const template = await catalog.createTemplate(fx.db, sec, {
        unitId: fx.root,
        name: `Mẫu vòng nhiệm vụ ${uniq()}`,
        indicators: [{ unitKind: 'party_board', indicatorIds: [indicator.id] }],
      });
      const period = await periods.createPeriod(fx.db, sec, {
        unitId: fx.root,
        kind: 'quarter',
        year: 2091,
        number: 2,
        templateId: template.id,
        unitIds: [fx.a, fx.b],
      });
      const report = (await listReports(fx.db, { periodId: period.id })).find(
        (r) => r.unit_id === fx.a,
      )!;
      const task = await tasks.createTask(fx.db, sec, {
        unitId: fx.root,
        title: 'Nhiệm vụ trả lời trong báo cáo',
        leadUnitId: fx.a,
        deadlineChoice: 'end_of_year',
        sourceKind: 'other',
      });
      return { reportId: report.id, taskId: task.id };
    })();
    drafts.set(fx.db, p);
  }
  return p;
}

const READERS_OF_A = ['reporterA', 'headA', 'secretary', 'chair'] as const;
const WRITERS_OF_A = ['reporterA', 'headA'] as const;
const MEETING_READERS = ['secretary', 'chair', 'rootAdmin', 'reporterA', 'headA'] as const;

export const loopRows: Row[] = [
  {
    route: 'GET /api/v1/tasks/report-answers/:reportId',
    request: async (fx) => ({
      url: `/api/v1/tasks/report-answers/${(await sharedDraft(fx)).reportId}`,
    }),
    expect: allow(READERS_OF_A, 200),
  },
  {
    route: 'PUT /api/v1/tasks/report-answers/:reportId',
    request: async (fx) => {
      const { reportId, taskId } = await sharedDraft(fx);
      return {
        url: `/api/v1/tasks/report-answers/${reportId}`,
        payload: {
          answers: [{ taskId, note: 'Đã triển khai kế hoạch', percent: 30, reportsDone: false }],
        },
      };
    },
    expect: allow(WRITERS_OF_A, 200),
  },
  {
    route: 'GET /api/v1/tasks/follow-up/:meetingId',
    request: async (fx) => ({
      url: `/api/v1/tasks/follow-up/${(await freshMeeting(fx)).id}`,
    }),
    expect: allow(MEETING_READERS, 200),
  },
];
