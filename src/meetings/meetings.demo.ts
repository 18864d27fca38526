import { demoTime, type DemoContext } from '../demo/demo-context.ts';
import { listPeriods } from '../reports/periods.service.ts';
import * as agenda from './agenda.service.ts';
import * as meetings from './meetings.service.ts';
import type { Agenda, Meeting } from './meetings.schema.ts';

/*
 * The meeting demo: Thị ủy Từ Sơn's briefing of the Party bloc and mass organizations for Quý
 * III/2017, held on the morning of 11/10/2017 and chaired by the Standing Deputy Secretary,
 * from the invitation to the conclusion; and the Quý IV/2017 meeting, planned, its invitations
 * sent and a few units' answers in. Built through the meeting services as Văn phòng Thị ủy's
 * secretariat (vanphong), the units' people and the chair (chutri) did it. Texts written for
 * the demo from the facts of the portal article it is modelled on.
 */

/** The units that speak, in the order they speak: the boards, the Front, the organizations. */
const SPEAKING = [
  'bantochuc',
  'bantuyengiao',
  'bandanvan',
  'ubkt',
  'mttq',
  'thidoan',
  'hoiphunu',
  'hoinongdan',
  'hoiccb',
  'ldld',
  'dongky',
];

/** How each invited unit answered the Quý III invitation, and when (October 2017). */
const Q3_ANSWERS: {
  unit: string;
  day: string;
  time: string;
  delegate?: { name: string; position: string };
}[] = [
  { unit: 'bantochuc', day: '2017-10-05', time: '08:15' },
  { unit: 'bantuyengiao', day: '2017-10-05', time: '09:40' },
  { unit: 'bandanvan', day: '2017-10-05', time: '14:05' },
  { unit: 'ubkt', day: '2017-10-06', time: '08:30' },
  { unit: 'mttq', day: '2017-10-05', time: '10:20' },
  { unit: 'thidoan', day: '2017-10-06', time: '15:10' },
  {
    unit: 'hoiphunu',
    day: '2017-10-09',
    time: '16:45',
    delegate: { name: 'Nguyễn Thị Hoa', position: 'Phó Chủ tịch Hội Liên hiệp Phụ nữ thị xã' },
  },
  { unit: 'hoinongdan', day: '2017-10-06', time: '09:00' },
  { unit: 'hoiccb', day: '2017-10-05', time: '07:50' },
  { unit: 'ldld', day: '2017-10-09', time: '10:30' },
  { unit: 'dongky', day: '2017-10-06', time: '11:00' },
  {
    unit: 'dongngan',
    day: '2017-10-09',
    time: '08:20',
    delegate: {
      name: 'Phạm Văn Hùng',
      position: 'Phó Bí thư Thường trực Đảng ủy phường Đông Ngàn',
    },
  },
  { unit: 'dinhbang', day: '2017-10-10', time: '09:15' },
];

/** The few answers to the Quý IV invitation already in. */
const Q4_ANSWERS: { unit: string; day: string; time: string }[] = [
  { unit: 'bantochuc', day: '2017-12-21', time: '08:40' },
  { unit: 'mttq', day: '2017-12-21', time: '10:05' },
  { unit: 'hoiccb', day: '2017-12-22', time: '14:30' },
];

export async function loadMeetingsDemo(demo: DemoContext): Promise<void> {
  const { trx } = demo;
  const unit = (key: string) => demo.unitIds.get(key)!;
  const secretary = (date: string, time?: string) => demo.as('vanphong', demoTime(date, time));
  const quarters = (await listPeriods(trx, { unitId: unit('thiuy'), year: 2017 })).filter(
    (p) => p.kind === 'quarter',
  );
  const q3 = quarters.find((p) => p.number === 3)!;
  const q4 = quarters.find((p) => p.number === 4)!;
  const chair = demo.as('chutri', demoTime('2017-10-02')).actor.id;

  // Quý III: planned on 02/10, the invitation sent on 04/10, five working days ahead.
  let q3Meeting = await meetings.createMeeting(trx, secretary('2017-10-02', '14:00'), {
    periodId: q3.id,
    title: 'Hội nghị giao ban khối Đảng, đoàn thể Quý III/2017',
    startsAt: demoTime('2017-10-11', '08:00'),
    plannedEndAt: demoTime('2017-10-11', '11:00'),
    place: 'Hội trường Thị ủy Từ Sơn',
    chairAccountId: chair,
    guests: [
      {
        name: 'Nguyễn Thu Thủy',
        position: 'Biên tập viên',
        organization: 'Cổng thông tin điện tử thị xã Từ Sơn',
      },
    ],
  });
  await arrangeQ3Agenda(demo, q3Meeting.id);
  q3Meeting = await meetings.sendInvitation(trx, secretary('2017-10-04', '08:30'), q3Meeting.id, {
    version: q3Meeting.version,
  });
  for (const a of Q3_ANSWERS) await answer(demo, q3Meeting.id, a);

  // Quý IV: planned in December, the invitation out on 20/12, three answers in.
  const q4Meeting = await meetings.createMeeting(trx, secretary('2017-12-18', '15:00'), {
    periodId: q4.id,
    title: 'Hội nghị giao ban khối Đảng, đoàn thể Quý IV/2017',
    startsAt: demoTime('2017-12-28', '08:00'),
    plannedEndAt: demoTime('2017-12-28', '11:00'),
    place: 'Hội trường Thị ủy Từ Sơn',
    chairAccountId: chair,
  });
  await meetings.sendInvitation(trx, secretary('2017-12-20', '09:00'), q4Meeting.id, {
    version: q4Meeting.version,
  });
  for (const a of Q4_ANSWERS) await answer(demo, q4Meeting.id, a);
}

/** A unit's head confirms (themself or a delegate), as the unit's own account. */
async function answer(
  demo: DemoContext,
  meetingId: number,
  a: { unit: string; day: string; time: string; delegate?: { name: string; position: string } },
): Promise<Meeting> {
  const head = demo.as(demo.holder('unit_head', a.unit), demoTime(a.day, a.time));
  return meetings.respondToInvitation(
    demo.trx,
    head,
    meetingId,
    demo.unitIds.get(a.unit)!,
    a.delegate
      ? { response: 'confirmed', attendeeKind: 'delegate', ...a.delegate }
      : { response: 'confirmed', attendeeKind: 'head' },
  );
}

/**
 * The Quý III agenda as the secretariat set it: the chair opens, Văn phòng reads the compiled
 * summary, the boards, the Front, the organizations and Đồng Kỵ ward report in turn (eight
 * minutes each), then the discussion and the chair's conclusion. The other two wards attend
 * without a slot: their reports are in the summary.
 */
async function arrangeQ3Agenda(demo: DemoContext, meetingId: number): Promise<Agenda> {
  const { trx } = demo;
  const ctx = demo.as('vanphong', demoTime('2017-10-02', '14:20'));
  const current = await agenda.getAgenda(trx, ctx, meetingId);
  const free = (title: string) => current.items.find((i) => i.kind === 'free' && i.title === title);
  const opening = free(meetings.FREE_ITEMS.opening.title)!;
  const summary = free(meetings.FREE_ITEMS.summary.title)!;
  const discussion = free(meetings.FREE_ITEMS.discussion.title)!;
  const closing = free(meetings.FREE_ITEMS.closing.title)!;
  const unitItem = (key: string) =>
    current.items.find((i) => i.kind === 'unit' && i.unitId === demo.unitIds.get(key))!;
  const keep = (
    item: (typeof current.items)[number],
    minutes: number,
    speaker?: { speakerName: string; speakerPosition: string },
  ) => ({
    id: item.id,
    kind: item.kind,
    unitId: item.unitId,
    title: item.title,
    plannedSeconds: minutes * 60,
    ...speaker,
  });
  return agenda.saveAgenda(trx, ctx, meetingId, {
    version: current.version,
    items: [
      keep(opening, 5, {
        speakerName: 'Nguyễn Văn Toán',
        speakerPosition: 'Phó Bí thư Thường trực Thị ủy',
      }),
      keep(summary, 12, {
        speakerName: 'Ngô Thị Hằng',
        speakerPosition: 'Phó Chánh Văn phòng Thị ủy',
      }),
      ...SPEAKING.map((key) => keep(unitItem(key), 8)),
      keep(discussion, 25),
      keep(closing, 20, {
        speakerName: 'Nguyễn Văn Toán',
        speakerPosition: 'Phó Bí thư Thường trực Thị ủy',
      }),
    ],
  });
}
