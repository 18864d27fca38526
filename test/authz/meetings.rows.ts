import { createMeeting } from '../../src/meetings/meetings.service.ts';
import type { Ctx } from '../../src/units/roles.ts';
import { freshPeriod } from './reports.rows.ts';
import { allow, type Fixture, type Row } from './table.ts';

/*
 * Meetings of the committee (root) to which A is invited: the convening side (secretariat,
 * chair, the root's admin) and A's head and reporter read it; nobody else does.
 */

const secretaryCtx = (fx: Fixture): Ctx => ({
  actor: {
    id: fx.accounts.secretary,
    username: 'secretary',
    fullName: 'secretary',
    roles: [{ unitId: fx.root, role: 'secretariat' }],
  },
  requestId: null,
});

/** A planned meeting of a fresh period of root, inviting A. */
async function freshMeeting(fx: Fixture) {
  const period = await freshPeriod(fx);
  return createMeeting(fx.db, secretaryCtx(fx), {
    periodId: period.id,
    startsAt: '2030-10-11T01:30:00.000Z',
    plannedEndAt: '2030-10-11T04:30:00.000Z',
    place: 'Hội trường',
    unitIds: [fx.a],
  });
}

const readers = ['reporterA', 'headA', 'secretary', 'chair', 'rootAdmin'] as const;

export const meetingEventRows: Row[] = [
  {
    route: 'GET /api/v1/meetings/:id/events',
    request: async (fx) => ({
      url: `/api/v1/meetings/${(await freshMeeting(fx)).id}/events`,
      stream: true,
    }),
    expect: allow(readers, 200),
  },
];
