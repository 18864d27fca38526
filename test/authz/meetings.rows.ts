import * as catalog from '../../src/reports/catalog.service.ts';
import * as periods from '../../src/reports/periods.service.ts';
import { uniq } from '../../src/test-support/factories.ts';
import { buildMeeting } from '../../src/test-support/meeting-factories.ts';
import type { Ctx } from '../../src/units/roles.ts';
import { allow, type Fixture, type Row } from './table.ts';

/*
 * Briefing meetings. The committee (root) convenes a meeting of a period that A and B report in,
 * inviting A only: root's secretariat, chair and admin read it, and A's people read their own
 * meeting; B's and everyone else are refused.
 */

const secretary = (fx: Fixture): Ctx => ({
  actor: {
    id: fx.accounts.secretary,
    username: 'secretary',
    fullName: 'secretary',
    roles: [{ unitId: fx.root, role: 'secretariat' }],
  },
  requestId: null,
});

let year = 2100;
/** A planned meeting of a fresh period of root's, with A invited. */
async function freshMeeting(fx: Fixture): Promise<number> {
  const ctx = secretary(fx);
  const template = await catalog.createTemplate(fx.db, ctx, {
    unitId: fx.root,
    name: `Mẫu họp ${uniq()}`,
  });
  const period = await periods.createPeriod(fx.db, ctx, {
    unitId: fx.root,
    kind: 'year',
    year: year--,
    number: 1,
    templateId: template.id,
    unitIds: [fx.a, fx.b],
  });
  return buildMeeting(fx.db, {
    periodId: period.id,
    unitId: fx.root,
    invited: [fx.a],
    chairAccountId: fx.accounts.chair,
    secretaryAccountId: fx.accounts.secretary,
  });
}

export const summaryRows: Row[] = [
  {
    route: 'GET /api/v1/meetings/:id/summary',
    request: async (fx) => ({ url: `/api/v1/meetings/${await freshMeeting(fx)}/summary` }),
    expect: allow(['secretary', 'chair', 'rootAdmin', 'reporterA', 'headA'], 200),
  },
];

export const meetingEventRows: Row[] = [
  {
    route: 'GET /api/v1/meetings/:id/events',
    request: async (fx) => ({
      url: `/api/v1/meetings/${await freshMeeting(fx)}/events`,
      stream: true,
    }),
    expect: allow(['reporterA', 'headA', 'secretary', 'chair', 'rootAdmin'], 200),
  },
];
