import { demoTime, type DemoContext } from '../demo/demo-context.ts';
import { listMeetings } from '../meetings/meetings.service.ts';
import type { DirectiveTaskInput } from './tasks.schema.ts';
import {
  changeDeadline,
  createFromMeeting,
  getTask,
  meetingDirectives,
  transitionTask,
} from './tasks.service.ts';
import { addTaskUpdate } from './updates.service.ts';

/*
 * The Quý III/2017 briefing's seven directives as tasks, issued by the chair the day after the
 * meeting; through Quý IV the units report progress on them: one is accepted (the Quỹ "Vì người
 * nghèo" drive), one waits for the secretariat's acceptance (the training), one had its deadline
 * moved and is overdue on 23/12 (following public opinion), one has not been started.
 */

/** Progress notes, by task (the directive's position), as the unit's reporter wrote them. */
interface DemoUpdate {
  task: number;
  unit: string;
  date: string;
  time?: string;
  note: string;
  percent: number | null;
  done?: boolean;
}

const UPDATES: DemoUpdate[] = [
  {
    task: 1,
    unit: 'dongky',
    date: '2017-10-25',
    note: 'Phường đã tổ chức 4 buổi đối thoại với các hộ có đất trong dự án; 62/118 hộ đã nhận tiền bồi thường, hỗ trợ.',
    percent: 40,
  },
  {
    task: 6,
    unit: 'hoiphunu',
    date: '2017-10-21',
    note: 'Các cơ sở hội đã tổ chức gặp mặt, tọa đàm kỷ niệm Ngày Phụ nữ Việt Nam 20/10; 12/12 cơ sở có báo cáo kết quả.',
    percent: null,
  },
  {
    task: 1,
    unit: 'mttq',
    date: '2017-11-02',
    note: 'Mặt trận phường cử cán bộ cùng tổ công tác đến từng gia đình vận động 18 hộ còn băn khoăn về giá bồi thường.',
    percent: null,
  },
  {
    task: 2,
    unit: 'mttq',
    date: '2017-11-06',
    note: 'Đã phát động cuộc vận động ngày 01/11; 46 cơ quan, đơn vị và 9 xã, phường đăng ký mức ủng hộ.',
    percent: 50,
  },
  {
    task: 2,
    unit: 'hoiphunu',
    date: '2017-11-10',
    note: 'Hội LHPN vận động cán bộ, hội viên ủng hộ được 38,5 triệu đồng, đã chuyển về Quỹ của thị xã.',
    percent: null,
  },
  {
    task: 2,
    unit: 'mttq',
    date: '2017-11-17',
    note: 'Tổng số tiền ủng hộ đạt 1,26 tỷ đồng, vượt 5% kế hoạch; kết quả đã công bố tại lễ ra quân ngày 17/11.',
    percent: 100,
    done: true,
  },
  {
    task: 3,
    unit: 'bantuyengiao',
    date: '2017-11-20',
    note: 'Đã mở 3 lớp tập huấn nghiệp vụ cho 214 cán bộ chuyên trách và chi hội trưởng.',
    percent: 60,
  },
  {
    task: 6,
    unit: 'bantuyengiao',
    date: '2017-11-21',
    note: 'Đã treo 240 băng rôn, khẩu hiệu; tổ chức 3 buổi nói chuyện chuyên đề về 100 năm Cách mạng Tháng Mười Nga và Ngày hội Đại đoàn kết.',
    percent: 70,
  },
  {
    task: 1,
    unit: 'dongky',
    date: '2017-11-30',
    note: 'Đã bàn giao 9,2/12,5 ha mặt bằng cho chủ đầu tư; còn 27 hộ chưa nhận tiền, tổ công tác tiếp tục vận động.',
    percent: 75,
  },
  {
    task: 7,
    unit: 'bandanvan',
    date: '2017-12-05',
    note: 'Đã tổng hợp tình hình tư tưởng nhân dân tháng 10 và 11 gửi Thường trực Thị ủy; báo cáo cả năm đang chờ số liệu các phường.',
    percent: 50,
  },
  {
    task: 5,
    unit: 'ubkt',
    date: '2017-12-10',
    note: 'Đã kiểm tra 6/7 tổ chức đảng theo chương trình năm; cuộc giám sát còn lại tiến hành trong tuần cuối tháng 12.',
    percent: 80,
  },
  {
    task: 3,
    unit: 'bantuyengiao',
    date: '2017-12-14',
    note: 'Hoàn thành 5 lớp tập huấn với 356 lượt cán bộ, đạt chỉ tiêu năm; danh sách học viên gửi kèm báo cáo quý.',
    percent: 100,
    done: true,
  },
];

/** The deadlines the chair set for the directives that had none, by position. */
const DEADLINES: Record<number, Pick<DirectiveTaskInput, 'deadline' | 'deadlineChoice'>> = {
  6: { deadlineChoice: 'end_of_quarter' },
  7: { deadline: '2017-12-15' },
};

export async function loadTasksDemo(demo: DemoContext): Promise<void> {
  const { trx } = demo;
  const thiuy = demo.unitIds.get('thiuy')!;
  const chair = demo.as('chutri', demoTime('2017-10-12', '08:30'));
  const secretary = (date: string, time?: string) => demo.as('vanphong', demoTime(date, time));
  const q3 = (await listMeetings(trx, chair, { unitId: thiuy, state: 'concluded' })).items.find(
    (m) => m.title.includes('Quý III/2017'),
  )!;
  const directives = (await meetingDirectives(trx, chair, q3.id)).items;
  const made = await createFromMeeting(trx, chair, q3.id, {
    directives: directives.map((d) => ({ directiveId: d.directiveId, ...DEADLINES[d.position] })),
  });
  const taskOf = (position: number) =>
    made.items.find(
      (t) => t.source.directiveId === directives.find((d) => d.position === position)!.directiveId,
    )!.id;

  let moved = false;
  for (const u of UPDATES) {
    if (!moved && u.date >= '2017-12-14') {
      // The secretariat moves the opinion report's deadline to wait for the wards' figures.
      moved = true;
      const seventh = await getTask(trx, secretary('2017-12-14', '15:00'), taskOf(7));
      await changeDeadline(trx, secretary('2017-12-14', '15:05'), taskOf(7), {
        version: seventh.version,
        deadline: '2017-12-20',
        comment: 'Chờ số liệu tình hình tư tưởng tháng 12 của các phường.',
      });
    }
    const ctx = demo.as(demo.holder('reporter', u.unit), demoTime(u.date, u.time ?? '16:00'));
    await addTaskUpdate(trx, ctx, taskOf(u.task), {
      note: u.note,
      percent: u.percent,
      reportsDone: u.done ?? false,
    });
    if (u.task === 2 && u.done) {
      // The secretariat accepts the drive's result on the next working day.
      const reported = await getTask(trx, secretary('2017-11-20'), taskOf(2));
      await transitionTask(trx, secretary('2017-11-20', '09:10'), taskOf(2), {
        version: reported.version,
        action: 'accept',
      });
    }
  }
}
