import * as conclusion from '../../src/meetings/conclusion.service.ts';
import { transitionMeeting } from '../../src/meetings/transitions.service.ts';
import { addDays, vnToday } from '../../src/tasks/deadlines.ts';
import * as tasks from '../../src/tasks/tasks.service.ts';
import * as updates from '../../src/tasks/updates.service.ts';
import { multipartFile } from '../reports/http-helpers.ts';
import { ctxOf, freshMeeting } from './meetings.rows.ts';
import { allow, anySignedIn, type Fixture, type Row } from './table.ts';

/*
 * Tasks of the committee (root). Its secretariat issues and manages them (its chair may issue them
 * from a meeting too), its chair reads them
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

/** An update of A on a fresh task A leads, written by A's reporter (pending with head approval). */
async function freshUpdate(fx: Fixture, headApproval = false) {
  const t = await freshTask(fx);
  if (headApproval) {
    const s = await updates.getTaskSettings(fx.db, ctxOf(fx, 'secretary'), fx.root);
    if (!s.headApproval)
      await updates.saveTaskSettings(fx.db, ctxOf(fx, 'secretary'), fx.root, {
        headApproval: true,
        version: s.version,
      });
  }
  const u = await updates.addTaskUpdate(fx.db, ctxOf(fx, 'reporterA'), t.id, {
    note: 'Tiến độ thử',
    percent: 20,
    reportsDone: false,
  });
  if (headApproval)
    await updates.saveTaskSettings(fx.db, ctxOf(fx, 'secretary'), fx.root, {
      headApproval: false,
      version: (await updates.getTaskSettings(fx.db, ctxOf(fx, 'secretary'), fx.root)).version,
    });
  return u;
}
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
    expect: allow(['secretary', 'chair'], 200),
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
    expect: allow(['secretary', 'chair'], 201),
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
  {
    route: 'GET /api/v1/tasks/export.xlsx',
    request: async () => ({ url: '/api/v1/tasks/export.xlsx?overdue=true' }),
    expect: anySignedIn(200),
  },
  {
    route: 'GET /api/v1/tasks/:id/updates',
    request: async (fx) => ({ url: url((await freshTask(fx)).id, '/updates') }),
    expect: allow(READERS_OF_A, 200),
  },
  {
    route: 'POST /api/v1/tasks/:id/updates',
    request: async (fx) => ({
      url: url((await freshTask(fx)).id, '/updates'),
      payload: { note: 'Đã triển khai', percent: 10 },
    }),
    expect: allow(['reporterA', 'headA'], 201),
  },
  {
    route: 'POST /api/v1/tasks/updates/:id/approval',
    request: async (fx) => ({
      url: `/api/v1/tasks/updates/${(await freshUpdate(fx, true)).id}/approval`,
      payload: { decision: 'approve' },
    }),
    expect: allow(['headA'], 200),
  },
  {
    route: 'POST /api/v1/tasks/updates/:id/attachments',
    request: async (fx) => ({
      url: `/api/v1/tasks/updates/${(await freshUpdate(fx)).id}/attachments`,
      ...multipartFile('bien-ban.pdf', Buffer.from('%PDF-1.4 thử'), 'application/pdf'),
    }),
    expect: allow(['reporterA'], 201),
  },
  {
    route: 'GET /api/v1/tasks/update-attachments/:id',
    request: async (fx) => {
      const u = await freshUpdate(fx);
      const a = await updates.addUpdateAttachment(fx.db, ctxOf(fx, 'reporterA'), u.id, {
        fileName: 'a.pdf',
        data: Buffer.from('%PDF'),
      });
      return { url: `/api/v1/tasks/update-attachments/${a.id}` };
    },
    expect: allow(READERS_OF_A, 200),
  },
  {
    route: 'GET /api/v1/tasks/settings/:unitId',
    request: async (fx) => ({ url: `/api/v1/tasks/settings/${fx.root}` }),
    expect: allow(['secretary', 'chair'], 200),
  },
  {
    route: 'PUT /api/v1/tasks/settings/:unitId',
    request: async (fx) => {
      const s = await updates.getTaskSettings(fx.db, ctxOf(fx, 'secretary'), fx.root);
      return {
        url: `/api/v1/tasks/settings/${fx.root}`,
        payload: { headApproval: false, version: s.version },
      };
    },
    expect: allow(['secretary'], 200),
  },
];
