import { demoTime, type DemoContext } from '../demo/demo-context.ts';
import { listPeriods } from '../reports/periods.service.ts';
import * as agenda from './agenda.service.ts';
import * as attendance from './attendance.service.ts';
import * as conclusion from './conclusion.service.ts';
import * as meetings from './meetings.service.ts';
import type { Agenda, Meeting } from './meetings.schema.ts';
import * as minutes from './minutes.service.ts';
import { speakerAction } from './running.service.ts';
import { transitionMeeting } from './transitions.service.ts';

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
  await holdQ3Meeting(demo, q3Meeting.id);

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
      keep(discussion, 30),
      keep(closing, 25, {
        speakerName: 'Nguyễn Văn Toán',
        speakerPosition: 'Phó Bí thư Thường trực Thị ủy',
      }),
    ],
  });
}

/** What each speaker said, as the secretary wrote it into the minutes (keys: agenda items). */
const SPEECHES: Record<string, string> = {
  opening:
    '<p>Đồng chí Nguyễn Văn Toán, Phó Bí thư Thường trực Thị ủy, tuyên bố lý do, giới thiệu thành phần dự và nêu yêu cầu của hội nghị: các đơn vị báo cáo ngắn gọn, tập trung vào việc đã làm được, vướng mắc và đề xuất cụ thể để Thường trực xem xét, chỉ đạo trong Quý IV.</p>',
  summary:
    '<p>Đồng chí Ngô Thị Hằng, Phó Chánh Văn phòng Thị ủy, trình bày báo cáo tổng hợp kết quả Quý III của khối Đảng, đoàn thể: phần lớn đơn vị đã gửi báo cáo đúng hạn; các chỉ tiêu về Quỹ "Vì người nghèo", nhà đại đoàn kết và quà tặng hộ nghèo đạt khá so với kế hoạch năm; một số chỉ tiêu về tập huấn và kết nạp hội viên còn chậm. Văn phòng nêu danh sách đơn vị chưa gửi hoặc phải bổ sung báo cáo.</p>',
  bantochuc:
    '<p>Ban Tổ chức báo cáo việc tham mưu kiện toàn cấp ủy, rà soát quy hoạch cán bộ nhiệm kỳ tới và công tác phát triển đảng viên trong quý. Ban đề nghị các đoàn thể quan tâm giới thiệu đoàn viên, hội viên ưu tú để bồi dưỡng, kết nạp.</p>',
  bantuyengiao:
    '<p>Ban Tuyên giáo cho biết đã hướng dẫn tuyên truyền kỷ niệm 70 năm Ngày Thương binh - Liệt sĩ và chủ trương giải phóng mặt bằng các dự án; đã tổng hợp dư luận xã hội hằng tháng. Ban nêu khó khăn do lực lượng báo cáo viên cơ sở còn mỏng.</p>',
  bandanvan:
    '<p>Ban Dân vận báo cáo kết quả phối hợp với các phường vận động nhân dân bàn giao mặt bằng, việc nắm tình hình đơn thư và xây dựng mô hình "Dân vận khéo". Ban đề xuất tăng cường đối thoại trực tiếp với hộ dân còn băn khoăn về giá đền bù.</p>',
  ubkt: '<p>Ủy ban Kiểm tra báo cáo các cuộc kiểm tra, giám sát theo Điều 30 và Điều 32 Điều lệ Đảng đã thực hiện trong quý, kết quả xem xét đơn thư và việc thi hành kỷ luật. Ủy ban đề nghị các chi, đảng bộ chủ động hơn trong tự kiểm tra.</p>',
  mttq: '<p>Đồng chí Chủ tịch Ủy ban MTTQ thị xã báo cáo các hoạt động đền ơn đáp nghĩa dịp 27/7, việc hỗ trợ xây, sửa nhà đại đoàn kết và kế hoạch phát động ủng hộ Quỹ "Vì người nghèo" năm 2017; đề nghị các phường ra quân đồng loạt ngay trong tháng 10.</p>',
  thidoan:
    '<p>Thị đoàn báo cáo các hoạt động giáo dục truyền thống cho thanh thiếu nhi, phong trào tình nguyện hè và câu lạc bộ thanh niên khởi nghiệp; đề nghị được hỗ trợ địa điểm sinh hoạt ổn định cho câu lạc bộ.</p>',
  hoiphunu:
    '<p>Đồng chí Phó Chủ tịch Hội LHPN báo cáo nhanh hoạt động thăm hỏi hội viên nghèo và công tác chuẩn bị kỷ niệm Ngày Phụ nữ Việt Nam 20/10; nhận khuyết điểm chưa gửi báo cáo quý đúng hạn và hứa hoàn thiện, gửi Văn phòng trong tuần.</p>',
  hoinongdan:
    '<p>Hội Nông dân báo cáo các lớp tập huấn kỹ thuật, việc vận động hội viên thực hiện Nghị quyết 20 và 191 của HĐND tỉnh; kiến nghị bố trí kinh phí mở thêm hai lớp tập huấn trồng trọt.</p>',
  hoiccb:
    '<p>Hội Cựu chiến binh báo cáo việc giữ vững sinh hoạt ở các chi hội, tham gia bảo vệ an ninh trật tự và giáo dục truyền thống cho thế hệ trẻ nhân kỷ niệm Ngày Thương binh - Liệt sĩ.</p>',
  ldld: '<p>Liên đoàn Lao động báo cáo việc chăm lo đời sống công nhân lao động, thành lập công đoàn cơ sở mới; giải trình báo cáo quý bị trả lại để bổ sung số liệu đoàn viên kết nạp, sẽ gửi lại trước ngày 15/10.</p>',
  dongky:
    '<p>Đảng ủy phường Đồng Kỵ báo cáo tiến độ giải phóng mặt bằng dự án trên địa bàn, số hộ đã nhận tiền và bàn giao đất, những trường hợp còn vướng; đề nghị Thị ủy tiếp tục chỉ đạo các ngành phối hợp tháo gỡ.</p>',
  discussion:
    '<p>Các đại biểu trao đổi về cách phối hợp giữa Mặt trận, các đoàn thể và các phường trong vận động giải phóng mặt bằng, về phân bổ chỉ tiêu Quỹ "Vì người nghèo" cho từng tổ chức và về việc gửi báo cáo đúng hạn, đúng mẫu.</p>',
  extra:
    '<p>Ủy ban MTTQ thị xã phát biểu bổ sung: đề xuất mỗi đoàn thể nhận hỗ trợ ít nhất một hộ nghèo xây, sửa nhà trong Quý IV và công khai kết quả ủng hộ quỹ trên Cổng thông tin điện tử thị xã.</p>',
  closing:
    '<p>Đồng chí Phó Bí thư Thường trực Thị ủy kết luận hội nghị (nội dung tại phần kết luận).</p>',
};

const MINUTES_CLOSING =
  '<p>Hội nghị kết thúc lúc 10 giờ 55 phút cùng ngày. Biên bản được thư ký ghi trong hội nghị, đã đọc lại trước hội nghị và các đại biểu dự thống nhất với nội dung.</p>';

const ACKNOWLEDGED =
  '<p>Hội nghị ghi nhận và đánh giá cao kết quả các Ban xây dựng Đảng, MTTQ và các đoàn thể thị xã đạt được trong Quý III: nắm chắc tình hình tư tưởng nhân dân, tuyên truyền kịp thời chủ trương của Đảng, chính sách pháp luật của Nhà nước, của tỉnh và thị xã, nhất là về giải phóng mặt bằng các dự án; làm tốt công tác đền ơn đáp nghĩa dịp kỷ niệm 70 năm Ngày Thương binh - Liệt sĩ; chăm lo hội viên nghèo, gia đình chính sách; duy trì tập huấn và các mô hình, câu lạc bộ. Những kết quả đó góp phần giữ ổn định tình hình chính trị, tư tưởng trên địa bàn.</p>';

const SHORTCOMINGS =
  '<p>Công tác tham mưu của một số ngành, đoàn thể có lúc chưa chủ động; một số chỉ tiêu về tập huấn và kết nạp hội viên còn chậm so với kế hoạch; vẫn còn đơn vị gửi báo cáo muộn, số liệu chưa đầy đủ. Các ngành, đoàn thể cần bám sát sự chỉ đạo của cấp trên và của Thị ủy, phấn đấu hoàn thành các mục tiêu năm 2017.</p>';

/** The conclusion's directives: text, lead unit, coordinating units, deadline. */
const DIRECTIVES: { text: string; lead: string; with?: string[]; deadline?: string }[] = [
  {
    text: 'Huy động mọi nguồn lực, tập trung tuyên truyền, vận động nhân dân để thực hiện dự án trên địa bàn phường Đồng Kỵ, bàn giao mặt bằng đúng tiến độ.',
    lead: 'dongky',
    with: ['bandanvan', 'mttq'],
    deadline: '2017-12-31',
  },
  {
    text: 'Tổ chức cuộc vận động ủng hộ Quỹ "Vì người nghèo" năm 2017 sâu rộng trong cán bộ, đảng viên, đoàn viên, hội viên và nhân dân.',
    lead: 'mttq',
    with: ['thidoan', 'hoiphunu', 'hoinongdan', 'hoiccb', 'ldld'],
    deadline: '2017-11-18',
  },
  {
    text: 'Tập trung công tác tập huấn, bồi dưỡng nghiệp vụ cho cán bộ chuyên trách và chi hội trưởng, hoàn thành chỉ tiêu tập huấn của năm.',
    lead: 'bantuyengiao',
    with: ['thidoan', 'hoiphunu', 'hoinongdan', 'hoiccb', 'ldld'],
    deadline: '2017-12-15',
  },
  {
    text: 'Chú trọng công tác cán bộ: rà soát, bổ sung quy hoạch, đánh giá cán bộ cuối năm đúng quy định; quan tâm giới thiệu quần chúng ưu tú để kết nạp Đảng.',
    lead: 'bantochuc',
    deadline: '2017-12-31',
  },
  {
    text: 'Thực hiện công tác kiểm tra, giám sát theo Điều 30, Điều 32 Điều lệ Đảng; hoàn thành chương trình kiểm tra, giám sát năm 2017.',
    lead: 'ubkt',
    deadline: '2017-12-31',
  },
  {
    text: 'Tuyên truyền các ngày lễ, ngày kỷ niệm lớn trong Quý IV: Ngày Phụ nữ Việt Nam 20/10, 100 năm Cách mạng Tháng Mười Nga, Ngày hội Đại đoàn kết toàn dân tộc 18/11, Ngày Nhà giáo Việt Nam 20/11 và Ngày thành lập Quân đội nhân dân Việt Nam 22/12.',
    lead: 'bantuyengiao',
    with: ['mttq', 'thidoan', 'hoiphunu', 'hoiccb'],
  },
  {
    text: 'Thường xuyên nắm bắt tình hình tư tưởng nhân dân, định hướng dư luận xã hội; vận động đoàn viên, hội viên tích cực hưởng ứng các phong trào thi đua, thực hiện tốt các nhiệm vụ trọng tâm để hoàn thành chỉ tiêu năm 2017.',
    lead: 'bandanvan',
    with: ['bantuyengiao', 'mttq'],
  },
];

/**
 * The chair's answers to the proposals raised in the Quý III reports, by the raising unit. Hội
 * Nông dân's request for training funds waits for the 2018 budget: it stays open, for the
 * secretariat to answer later.
 */
const ANSWERS: Record<string, string> = {
  mttq: 'Thường trực Thị ủy đồng ý. Ủy ban MTTQ thị xã chủ trì phát động; các phường ra quân trong tháng 10 và báo cáo kết quả trước Ngày hội Đại đoàn kết 18/11.',
  thidoan:
    'Giao Văn phòng Thị ủy trao đổi với UBND thị xã bố trí phòng sinh hoạt tại Trung tâm văn hóa thị xã cho câu lạc bộ, báo cáo Thường trực trong tháng 11.',
  dongky:
    'Thường trực Thị ủy tiếp tục trực tiếp chỉ đạo; các ngành, đoàn thể cử cán bộ phối hợp với phường vận động từng hộ (xem chỉ đạo thứ nhất của kết luận).',
};

/** Each item's speaking time in seconds, in agenda order (the extra speaker after discussion). */
const SPOKEN: [key: string, seconds: number][] = [
  ['opening', 290],
  ['summary', 890],
  ['bantochuc', 455],
  ['bantuyengiao', 510],
  ['bandanvan', 470],
  ['ubkt', 430],
  ['mttq', 610],
  ['thidoan', 445],
  ['hoiphunu', 395],
  ['hoinongdan', 500],
  ['hoiccb', 380],
  ['ldld', 520],
  ['dongky', 675],
  ['discussion', 1920],
  ['extra', 240],
  ['closing', 1560],
];

/**
 * 11/10/2017: the secretariat checks attendance at the door and starts the meeting at 8:00 (the
 * summary is frozen then), times each speaker and adds Mặt trận's second word in the discussion;
 * the secretary writes the minutes as it goes; the chair records the conclusion, its seven
 * directives and the answers to the units' proposals, and concludes at 10:55.
 */
async function holdQ3Meeting(demo: DemoContext, meetingId: number): Promise<void> {
  const { trx } = demo;
  const unit = (key: string) => demo.unitIds.get(key)!;
  const at = (seconds: number) =>
    new Date(Date.parse(demoTime('2017-10-11', '08:00')) + seconds * 1000).toISOString();
  const secretary = (seconds: number) => ({ ...demo.as('vanphong', at(seconds)) });
  const chair = (seconds: number) => demo.as('chutri', at(seconds));

  // At the door: Liên đoàn Lao động's head is away, its vice-chair comes; the guest is there.
  const door = await attendance.getAttendance(trx, secretary(-15 * 60), meetingId);
  await attendance.saveAttendance(trx, secretary(-10 * 60), meetingId, {
    version: door.version,
    units: [
      {
        unitId: unit('ldld'),
        attendance: 'delegate',
        name: 'Nguyễn Thị Thu',
        position: 'Phó Chủ tịch Liên đoàn Lao động thị xã',
      },
    ],
    guests: door.guests.map((g) => ({ id: g.id, present: true })),
  });

  const planned = await meetings.getMeeting(trx, secretary(-60), meetingId);
  await transitionMeeting(trx, secretary(0), meetingId, {
    version: planned.version,
    action: 'start',
  });

  // The speakers, one after another; Mặt trận asks to speak again during the discussion.
  let clock = 30;
  let items = (await agenda.getAgenda(trx, secretary(clock), meetingId)).items;
  const itemOf = new Map<string, number>();
  const keyOf = (i: (typeof items)[number]) =>
    i.kind === 'free'
      ? Object.entries(meetings.FREE_ITEMS).find(([, f]) => f.title === i.title)![0]
      : [...demo.unitIds].find(([, id]) => id === i.unitId)![0];
  for (const i of items) itemOf.set(keyOf(i), i.id);
  for (const [n, [key, seconds]] of SPOKEN.entries()) {
    if (key === 'extra') {
      const added = await agenda.addExtraSpeaker(trx, secretary(clock - 60), meetingId, {
        unitId: unit('mttq'),
        plannedSeconds: 5 * 60,
        title: 'Ủy ban MTTQ thị xã phát biểu bổ sung',
      });
      items = added.items;
      itemOf.set('extra', items.find((i) => i.extra)!.id);
    }
    await speakerAction(trx, secretary(clock), meetingId, {
      action: n === 0 ? 'start' : 'next',
      ...(n === 0 && { itemId: itemOf.get(key)! }),
    });
    clock += seconds;
  }
  await speakerAction(trx, secretary(clock), meetingId, { action: 'stop' });

  // The minutes, written during the meeting and finished before the conclusion.
  const written = await minutes.getMinutes(trx, secretary(clock + 30), meetingId);
  await minutes.saveMinutes(trx, secretary(clock + 60), meetingId, {
    version: written.version,
    speeches: [...itemOf].map(([key, itemId]) => ({ itemId, html: SPEECHES[key]! })),
    closing: MINUTES_CLOSING,
  });

  // The chair's conclusion, the answers to the proposals, and the conclusion itself.
  const drafted = await conclusion.getConclusion(trx, chair(clock - 20 * 60), meetingId);
  let concluded = await conclusion.saveConclusion(trx, chair(clock - 15 * 60), meetingId, {
    version: drafted.version,
    acknowledged: ACKNOWLEDGED,
    shortcomings: SHORTCOMINGS,
    directives: DIRECTIVES.map((d) => ({
      text: d.text,
      leadUnitId: unit(d.lead),
      coordinatingUnitIds: (d.with ?? []).map(unit),
      deadline: d.deadline ?? null,
    })),
  });
  for (const [key, text] of Object.entries(ANSWERS)) {
    const proposal = concluded.proposals.find((p) => p.unitId === unit(key))!;
    concluded = await conclusion.answerProposal(trx, chair(clock), meetingId, proposal.id, {
      version: proposal.version,
      answer: text,
    });
  }
  const running = await meetings.getMeeting(trx, chair(clock + 120), meetingId);
  await transitionMeeting(trx, chair(clock + 180), meetingId, {
    version: running.version,
    action: 'conclude',
  });
}
