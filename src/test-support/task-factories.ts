import { fixedClock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import * as conclusion from '../meetings/conclusion.service.ts';
import * as meetings from '../meetings/meetings.service.ts';
import { transitionMeeting } from '../meetings/transitions.service.ts';
import type { Ctx } from '../units/roles.ts';
import { buildReportSetup } from './report-factories.ts';

/** A context running as of `iso`. */
export const at = (ctx: Ctx, iso: string): Ctx => ({ ...ctx, now: fixedClock(iso) });

/** The day the meeting of buildTaskSetup is concluded (11/10/2017) and tasks are issued after. */
export const TASK_DAY = '2017-10-12T03:00:00Z';

/**
 * The report setup with a meeting of its period concluded on 11/10/2017 with three directives
 * (the second without a lead unit), and a second meeting still planned with one directive.
 */
export async function buildTaskSetup(db: Database) {
  const s = await buildReportSetup(db);
  const sec = at(s.ctx.secretary, '2017-10-11T01:00:00Z');
  const plan = () =>
    meetings.createMeeting(db, sec, {
      periodId: s.period.id,
      startsAt: '2017-10-11T08:00:00+07:00',
      plannedEndAt: '2017-10-11T11:00:00+07:00',
      place: 'Hội trường Thị ủy',
    });
  let m = await plan();
  m = await transitionMeeting(db, sec, m.id, { version: m.version, action: 'start' });
  const c = await conclusion.getConclusion(db, sec, m.id);
  await conclusion.saveConclusion(db, sec, m.id, {
    version: c.version,
    directives: [
      {
        text: 'Tập trung giải quyết ô nhiễm môi trường làng nghề Đồng Kỵ.',
        leadUnitId: s.unit.id,
        coordinatingUnitIds: [s.other.id],
        deadline: '2017-12-31',
      },
      { text: 'Đẩy mạnh phát triển đảng viên trong doanh nghiệp ngoài nhà nước.' },
      {
        text: 'Hoàn thành báo cáo sơ kết 5 năm Chỉ thị 05.',
        leadUnitId: s.other.id,
        deadline: '2017-11-15',
      },
    ],
  });
  m = await meetings.getMeeting(db, sec, m.id);
  const concluded = await transitionMeeting(db, sec, m.id, {
    version: m.version,
    action: 'conclude',
  });
  const directives = (await conclusion.getConclusion(db, sec, concluded.id)).directives;

  const planned = await plan();
  const pc = await conclusion.getConclusion(db, sec, planned.id);
  await conclusion.saveConclusion(db, sec, planned.id, {
    version: pc.version,
    directives: [{ text: 'Chỉ đạo dự thảo.', leadUnitId: s.unit.id, deadline: '2017-12-31' }],
  });
  const plannedDirectives = (await conclusion.getConclusion(db, sec, planned.id)).directives;
  return { s, meeting: concluded, directives, planned, plannedDirectives };
}
