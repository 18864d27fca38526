import * as conclusion from '../../src/meetings/conclusion.service.ts';
import { transitionMeeting } from '../../src/meetings/transitions.service.ts';
import { addDays, vnToday } from '../../src/tasks/deadlines.ts';
import * as tasks from '../../src/tasks/tasks.service.ts';
import { ctxOf, freshMeeting } from './meetings.rows.ts';
import { allow, anySignedIn, type Fixture, type Row } from './table.ts';

/*
 * Tasks of the committee (root). Its secretariat issues and manages them, its chair reads them
 * all; A's reporter and head read the tasks A leads or coordinates and move the ones A leads;
 * a task of B alone is closed to A's people. Admins are not part of the task workflow.
 */

async function freshTask(fx: Fixture, lead: 'a' | 'b' = 'a', coordinating: number[] = []) {
  return tasks.createTask(fx.db, ctxOf(fx, 'secretary'), {
    unitId: fx.root,
    title: 'Nhiệm vụ thử',
    leadUnitId: lead === 'a' ? fx.a : fx.b,
    coordinatingUnitIds: coordinating,
    deadlineChoice: 'end_of_year',
    sourceKind: 'other',
  });
}

/** A task A reported done, for the secretariat to accept. */
async function reportedTask(fx: Fixture) {
  const t = await freshTask(fx);
  const a = ctxOf(fx, 'reporterA');
  const started = await tasks.transitionTask(fx.db, a, t.id, {
    version: t.version,
    action: 'start',
  });
  return tasks.transitionTask(fx.db, a, t.id, {
    version: started.version,
    action: 'report_done',
  });
}

/** A concluded meeting inviting A and B with one directive led by A. */
async function concludedWithDirective(fx: Fixture) {
  const sec = ctxOf(fx, 'secretary');
  const m = await freshMeeting(fx, 'in_progress');
  const c = await conclusion.getConclusion(fx.db, sec, m.id);
  const saved = await conclusion.saveConclusion(fx.db, sec, m.id, {
    version: c.version,
    directives: [{ text: 'Chỉ đạo thử', leadUnitId: fx.a }],
  });
  await transitionMeeting(fx.db, sec, m.id, { version: m.version, action: 'conclude' });
  return { meetingId: m.id, directiveId: saved.directives[0]!.id };
}

const url = (id: number, tail = '') => `/api/v1/tasks/${id}${tail}`;
const READERS_OF_A = ['secretary', 'chair', 'reporterA', 'headA'] as const;

export const taskRows: Row[] = [
  {
    route: 'GET /api/v1/tasks',
    request: async () => ({ url: '/api/v1/tasks?overdue=true' }),
    expect: anySignedIn(200),
  },
  {
    route: 'GET /api/v1/tasks/overview',
    request: async (fx) => ({ url: `/api/v1/tasks/overview?unitId=${fx.root}` }),
    expect: allow(['secretary', 'chair'], 200),
  },
  {
    route: 'GET /api/v1/tasks/overview (the caller’s own committee)',
    request: async () => ({ url: '/api/v1/tasks/overview' }),
    expect: allow(['secretary', 'chair'], 200),
  },
  {
    route: 'POST /api/v1/tasks',
    request: async (fx) => ({
      url: '/api/v1/tasks',
      payload: {
        unitId: fx.root,
        title: 'Nhiệm vụ giao trực tiếp',
        leadUnitId: fx.a,
        deadlineChoice: 'end_of_year',
        sourceKind: 'other',
      },
    }),
    expect: allow(['secretary'], 201),
  },
  {
    route: 'GET /api/v1/tasks/from-meeting/:id',
    request: async (fx) => ({
      url: `/api/v1/tasks/from-meeting/${(await concludedWithDirective(fx)).meetingId}`,
    }),
    expect: allow(['secretary'], 200),
  },
  {
    route: 'POST /api/v1/tasks/from-meeting/:id',
    request: async (fx) => {
      const { meetingId, directiveId } = await concludedWithDirective(fx);
      return {
        url: `/api/v1/tasks/from-meeting/${meetingId}`,
        payload: { directives: [{ directiveId, deadlineChoice: 'end_of_year' }] },
      };
    },
    expect: allow(['secretary'], 201),
  },
  {
    route: 'GET /api/v1/tasks/:id',
    request: async (fx) => ({ url: url((await freshTask(fx)).id) }),
    expect: allow(READERS_OF_A, 200),
  },
  {
    route: 'GET /api/v1/tasks/:id (led by B, A coordinating)',
    request: async (fx) => ({ url: url((await freshTask(fx, 'b', [fx.a])).id) }),
    expect: allow(READERS_OF_A, 200),
  },
  {
    route: 'GET /api/v1/tasks/:id (B alone)',
    request: async (fx) => ({ url: url((await freshTask(fx, 'b')).id) }),
    expect: allow(['secretary', 'chair'], 200),
  },
  {
    route: 'PUT /api/v1/tasks/:id',
    request: async (fx) => {
      const t = await freshTask(fx);
      return { url: url(t.id), payload: { version: t.version, title: 'Tên mới' } };
    },
    expect: allow(['secretary'], 200),
  },
  {
    route: 'POST /api/v1/tasks/:id/transitions',
    request: async (fx) => {
      const t = await freshTask(fx);
      return { url: url(t.id, '/transitions'), payload: { version: t.version, action: 'start' } };
    },
    expect: allow(['reporterA', 'headA'], 200),
  },
  {
    route: 'POST /api/v1/tasks/:id/transitions (accept)',
    request: async (fx) => {
      const t = await reportedTask(fx);
      return { url: url(t.id, '/transitions'), payload: { version: t.version, action: 'accept' } };
    },
    expect: allow(['secretary'], 200),
  },
  {
    route: 'POST /api/v1/tasks/:id/deadline',
    request: async (fx) => {
      const t = await freshTask(fx);
      return {
        url: url(t.id, '/deadline'),
        payload: { version: t.version, deadline: addDays(vnToday(new Date().toISOString()), 40) },
      };
    },
    expect: allow(['secretary'], 200),
  },
];
