import * as agenda from '../../src/meetings/agenda.service.ts';
import * as meetings from '../../src/meetings/meetings.service.ts';
import { transitionMeeting } from '../../src/meetings/transitions.service.ts';
import * as catalog from '../../src/reports/catalog.service.ts';
import * as periods from '../../src/reports/periods.service.ts';
import { listProposals } from '../../src/reports/proposals.service.ts';
import { listReports } from '../../src/reports/reports.repository.ts';
import * as reports from '../../src/reports/reports.service.ts';
import { transitionReport } from '../../src/reports/workflow.service.ts';
import { uniq } from '../../src/test-support/factories.ts';
import type { Ctx, Role } from '../../src/units/roles.ts';
import { allow, anySignedIn, type Fixture, type Row } from './table.ts';

/*
 * Meetings of the committee (root) for a period A and B report in. The secretariat plans and
 * runs them, the chair (or the secretariat for the chair) concludes, the admins of the root
 * follow; A's reporter and head read a meeting A is invited to and answer its invitation, but
 * read its minutes and conclusion only once it is concluded. A meeting A is not invited to is
 * closed to A's people.
 */

type Who = 'secretary' | 'chair' | 'reporterA' | 'headA';
export const ctxOf = (fx: Fixture, who: Who): Ctx => {
  const grants: Record<Who, { unitId: number; role: Role }> = {
    secretary: { unitId: fx.root, role: 'secretariat' },
    chair: { unitId: fx.root, role: 'chair' },
    reporterA: { unitId: fx.a, role: 'reporter' },
    headA: { unitId: fx.a, role: 'unit_head' },
  };
  return {
    actor: { id: fx.accounts[who], username: who, fullName: who, roles: [grants[who]] },
    requestId: null,
  };
};

/** One period per database, shared by every meeting of these rows; A's report sent with a proposal. */
const periodsOf = new WeakMap<object, Promise<{ periodId: number; proposalId: number }>>();
export function sharedPeriod(fx: Fixture) {
  let p = periodsOf.get(fx.db);
  if (!p) {
    p = (async () => {
      const sec = ctxOf(fx, 'secretary');
      const indicator = await catalog.createIndicator(fx.db, sec, {
        code: `HN_${uniq()}`,
        name: 'Chỉ tiêu hội nghị',
        measure: 'người',
        aggregation: 'sum',
        higherIsBetter: true,
        allowNegative: false,
      });
      const template = await catalog.createTemplate(fx.db, sec, {
        unitId: fx.root,
        name: `Mẫu hội nghị ${uniq()}`,
        indicators: [{ unitKind: 'party_board', indicatorIds: [indicator.id] }],
      });
      const period = await periods.createPeriod(fx.db, sec, {
        unitId: fx.root,
        kind: 'nine_months',
        year: 2090,
        number: 1,
        templateId: template.id,
        unitIds: [fx.a, fx.b],
      });
      const row = (await listReports(fx.db, { periodId: period.id })).find(
        (r) => r.unit_id === fx.a,
      )!;
      let r = await reports.saveReport(fx.db, ctxOf(fx, 'reporterA'), row.id, {
        version: 1,
        sections: { ket_qua: '<p>Kết quả</p>' },
        values: [],
        proposals: [{ text: 'Đề nghị hỗ trợ' }],
      });
      r = await transitionReport(fx.db, ctxOf(fx, 'reporterA'), row.id, {
        version: r.version,
        action: 'send',
      });
      r = await transitionReport(fx.db, ctxOf(fx, 'headA'), row.id, {
        version: r.version,
        action: 'approve',
      });
      return { periodId: period.id, proposalId: r.proposals[0]!.id };
    })();
    periodsOf.set(fx.db, p);
  }
  return p;
}

/** A fresh meeting, moved to `state`, inviting A and B (or B only). */
export async function freshMeeting(
  fx: Fixture,
  state: 'planned' | 'invited' | 'in_progress' | 'concluded' = 'planned',
  invite: 'ab' | 'b' = 'ab',
) {
  const { periodId } = await sharedPeriod(fx);
  const sec = ctxOf(fx, 'secretary');
  let m = await meetings.createMeeting(fx.db, sec, {
    periodId,
    startsAt: '2090-10-11T08:00:00+07:00',
    plannedEndAt: '2090-10-11T11:00:00+07:00',
    place: 'Hội trường',
    unitIds: invite === 'ab' ? [fx.a, fx.b] : [fx.b],
  });
  if (state === 'invited')
    m = await meetings.sendInvitation(fx.db, sec, m.id, { version: m.version });
  if (state === 'in_progress' || state === 'concluded')
    m = await transitionMeeting(fx.db, sec, m.id, { version: m.version, action: 'start' });
  if (state === 'concluded')
    m = await transitionMeeting(fx.db, sec, m.id, { version: m.version, action: 'conclude' });
  return m;
}

const url = (id: number, tail = '') => `/api/v1/meetings/${id}${tail}`;
const CONVENERS = ['secretary', 'chair', 'rootAdmin'] as const;
const READERS = [...CONVENERS, 'reporterA', 'headA'] as const;
const CONCLUDERS = ['secretary', 'chair'] as const;

export const meetingRows: Row[] = [
  {
    route: 'GET /api/v1/meetings',
    request: async () => ({ url: '/api/v1/meetings' }),
    expect: anySignedIn(200),
  },
  {
    route: 'GET /api/v1/meetings/defaults',
    request: async (fx) => ({
      url: `/api/v1/meetings/defaults?periodId=${(await sharedPeriod(fx)).periodId}`,
    }),
    expect: allow(['secretary'], 200),
  },
  {
    route: 'GET /api/v1/meetings/people',
    request: async (fx) => ({ url: `/api/v1/meetings/people?unitId=${fx.root}` }),
    expect: allow(['secretary'], 200),
  },
  {
    route: 'POST /api/v1/meetings',
    request: async (fx) => ({
      url: '/api/v1/meetings',
      payload: {
        periodId: (await sharedPeriod(fx)).periodId,
        startsAt: '2090-10-11T08:00:00+07:00',
        plannedEndAt: '2090-10-11T11:00:00+07:00',
        place: 'Hội trường',
      },
    }),
    expect: allow(['secretary'], 201),
  },
  {
    route: 'GET /api/v1/meetings/:id',
    request: async (fx) => ({ url: url((await freshMeeting(fx)).id) }),
    expect: allow(READERS, 200),
  },
  {
    route: 'GET /api/v1/meetings/:id (a meeting A is not invited to)',
    request: async (fx) => ({ url: url((await freshMeeting(fx, 'planned', 'b')).id) }),
    expect: allow(CONVENERS, 200),
  },
  {
    route: 'PUT /api/v1/meetings/:id',
    request: async (fx) => {
      const m = await freshMeeting(fx);
      return { url: url(m.id), payload: { version: m.version, place: 'Phòng họp số 2' } };
    },
    expect: allow(['secretary'], 200),
  },
  {
    route: 'POST /api/v1/meetings/:id/transitions',
    request: async (fx) => {
      const m = await freshMeeting(fx);
      return { url: url(m.id, '/transitions'), payload: { version: m.version, action: 'start' } };
    },
    expect: allow(['secretary'], 200),
  },
  {
    route: 'POST /api/v1/meetings/:id/transitions (conclude)',
    request: async (fx) => {
      const m = await freshMeeting(fx, 'in_progress');
      return {
        url: url(m.id, '/transitions'),
        payload: { version: m.version, action: 'conclude' },
      };
    },
    expect: allow(CONCLUDERS, 200),
  },
  {
    route: 'POST /api/v1/meetings/:id/invitation',
    request: async (fx) => {
      const m = await freshMeeting(fx);
      return { url: url(m.id, '/invitation'), payload: { version: m.version } };
    },
    expect: allow(['secretary'], 200),
  },
  {
    route: 'PUT /api/v1/meetings/:id/units/:unitId/response',
    request: async (fx) => {
      const m = await freshMeeting(fx, 'invited');
      return {
        url: url(m.id, `/units/${fx.a}/response`),
        payload: { response: 'confirmed', attendeeKind: 'head', name: 'Trưởng ban A' },
      };
    },
    expect: allow(['reporterA', 'headA'], 200),
  },
  {
    route: 'GET /api/v1/meetings/:id/agenda',
    request: async (fx) => ({ url: url((await freshMeeting(fx)).id, '/agenda') }),
    expect: allow(READERS, 200),
  },
  {
    route: 'PUT /api/v1/meetings/:id/agenda',
    request: async (fx) => {
      const m = await freshMeeting(fx);
      const a = await agenda.getAgenda(fx.db, ctxOf(fx, 'secretary'), m.id);
      return {
        url: url(m.id, '/agenda'),
        payload: {
          version: a.version,
          items: a.items.reverse().map((it) => ({
            id: it.id,
            kind: it.kind,
            unitId: it.unitId,
            title: it.title,
            plannedSeconds: 300,
          })),
        },
      };
    },
    expect: allow(['secretary'], 200),
  },
  {
    route: 'POST /api/v1/meetings/:id/agenda/extra',
    request: async (fx) => {
      const m = await freshMeeting(fx, 'in_progress');
      return { url: url(m.id, '/agenda/extra'), payload: { unitId: fx.a, plannedSeconds: 120 } };
    },
    expect: allow(['secretary'], 200),
  },
  {
    route: 'POST /api/v1/meetings/:id/speaker',
    request: async (fx) => {
      const m = await freshMeeting(fx, 'in_progress');
      return { url: url(m.id, '/speaker'), payload: { action: 'next' } };
    },
    expect: allow(['secretary'], 200),
  },
  {
    route: 'GET /api/v1/meetings/:id/projector',
    request: async (fx) => ({ url: url((await freshMeeting(fx, 'in_progress')).id, '/projector') }),
    expect: allow(READERS, 200),
  },
  {
    route: 'GET /api/v1/meetings/:id/attendance',
    request: async (fx) => ({ url: url((await freshMeeting(fx)).id, '/attendance') }),
    expect: allow(READERS, 200),
  },
  {
    route: 'PUT /api/v1/meetings/:id/attendance',
    request: async (fx) => {
      const m = await freshMeeting(fx, 'in_progress');
      return {
        url: url(m.id, '/attendance'),
        payload: {
          version: m.attendanceVersion,
          units: [{ unitId: fx.a, attendance: 'present', name: 'Trưởng ban A' }],
        },
      };
    },
    expect: allow(['secretary'], 200),
  },
  {
    route: 'GET /api/v1/meetings/:id/minutes',
    request: async (fx) => ({ url: url((await freshMeeting(fx, 'in_progress')).id, '/minutes') }),
    expect: allow(CONVENERS, 200),
  },
  {
    route: 'GET /api/v1/meetings/:id/minutes (concluded: published to the invited units)',
    request: async (fx) => ({ url: url((await freshMeeting(fx, 'concluded')).id, '/minutes') }),
    expect: allow(READERS, 200),
  },
  {
    route: 'GET /api/v1/meetings/:id/minutes (concluded, A not invited)',
    request: async (fx) => ({
      url: url((await freshMeeting(fx, 'concluded', 'b')).id, '/minutes'),
    }),
    expect: allow(CONVENERS, 200),
  },
  {
    route: 'PUT /api/v1/meetings/:id/minutes',
    request: async (fx) => ({
      url: url((await freshMeeting(fx, 'in_progress')).id, '/minutes'),
      payload: { version: 1, closing: '<p>Bế mạc</p>' },
    }),
    expect: allow(['secretary'], 200),
  },
  {
    route: 'GET /api/v1/meetings/:id/conclusion',
    request: async (fx) => ({
      url: url((await freshMeeting(fx, 'in_progress')).id, '/conclusion'),
    }),
    expect: allow(CONVENERS, 200),
  },
  {
    route: 'GET /api/v1/meetings/:id/conclusion (concluded)',
    request: async (fx) => ({ url: url((await freshMeeting(fx, 'concluded')).id, '/conclusion') }),
    expect: allow(READERS, 200),
  },
  {
    route: 'PUT /api/v1/meetings/:id/conclusion',
    request: async (fx) => ({
      url: url((await freshMeeting(fx, 'in_progress')).id, '/conclusion'),
      payload: { version: 1, directives: [{ text: 'Tăng cường kiểm tra, giám sát.' }] },
    }),
    expect: allow(CONCLUDERS, 200),
  },
  {
    route: 'POST /api/v1/meetings/:id/proposals/:proposalId/answer',
    request: async (fx) => {
      const m = await freshMeeting(fx, 'in_progress');
      const { proposalId, periodId } = await sharedPeriod(fx);
      const { items } = await listProposals(fx.db, ctxOf(fx, 'secretary'), { periodId });
      return {
        url: url(m.id, `/proposals/${proposalId}/answer`),
        payload: {
          version: items.find((p) => p.id === proposalId)!.version,
          answer: 'Giao Văn phòng nghiên cứu.',
        },
      };
    },
    expect: allow(CONCLUDERS, 200),
  },
];

/** The compiled summary: whoever reads the meeting, live while planned, frozen once started. */
export const summaryRows: Row[] = [
  {
    route: 'GET /api/v1/meetings/:id/summary',
    request: async (fx) => ({ url: url((await freshMeeting(fx)).id, '/summary') }),
    expect: allow(READERS, 200),
  },
  {
    route: 'GET /api/v1/meetings/:id/summary (started: the snapshot)',
    request: async (fx) => ({ url: url((await freshMeeting(fx, 'in_progress')).id, '/summary') }),
    expect: allow(READERS, 200),
  },
  {
    route: 'GET /api/v1/meetings/:id/summary (A not invited)',
    request: async (fx) => ({ url: url((await freshMeeting(fx, 'planned', 'b')).id, '/summary') }),
    expect: allow(CONVENERS, 200),
  },
];

/**
 * The projector's event stream: the same readers as the meeting; the test reads the status of
 * the stream and hangs up.
 */
export const meetingEventRows: Row[] = [
  {
    route: 'GET /api/v1/meetings/:id/events',
    request: async (fx) => ({
      url: url((await freshMeeting(fx, 'in_progress')).id, '/events'),
      stream: true,
    }),
    expect: allow(READERS, 200),
  },
  {
    route: 'GET /api/v1/meetings/:id/events (a meeting A is not invited to)',
    request: async (fx) => ({
      url: url((await freshMeeting(fx, 'planned', 'b')).id, '/events'),
      stream: true,
    }),
    expect: allow(CONVENERS, 200),
  },
];
