import { demoTime, type DemoContext } from '../demo/demo-context.ts';
import { listPeriods } from '../reports/periods.service.ts';
import * as reports from '../reports/reports.service.ts';
import { moveReport } from '../reports/workflow.service.ts';
import { getReportAnswers, saveReportAnswers } from './report-answers.service.ts';

/*
 * The loop in the demo: two units write their Quý IV/2017 report with its part on the tasks
 * they were given at the Quý III briefing. Ban Tuyên giáo, which leads the training and the
 * anniversaries' campaign and coordinates the opinion report, sends its report on 19/12 and its
 * head approves it on the deadline day, 20/12, so its answers are now task updates given in the
 * report; Hội LHPN, coordinating both of Ban Tuyên giáo's tasks, has written its answers into
 * its draft on 22/12 and has not sent it yet. The other lead units have not answered.
 */

/** What each unit's report says of a task, by the words its title begins with. */
const ANSWERS: Record<
  string,
  { title: string; note: string; percent: number | null; done?: boolean }[]
> = {
  bantuyengiao: [
    {
      title: 'Tuyên truyền các ngày lễ',
      note: 'Hoàn thành tuyên truyền Ngày Nhà giáo Việt Nam 20/11; đang tuyên truyền kỷ niệm 73 năm Ngày thành lập Quân đội nhân dân, đã phát hành 1.500 tờ gấp và 12 tin bài trên Đài truyền thanh thị xã.',
      percent: 95,
    },
    {
      title: 'Tập trung công tác tập huấn',
      note: 'Đã gửi danh sách 356 lượt học viên và tài liệu các lớp; đề nghị Văn phòng Thị ủy xem xét công nhận hoàn thành.',
      percent: 100,
    },
    {
      title: 'Thường xuyên nắm bắt tình hình tư tưởng',
      note: 'Phối hợp Ban Dân vận tổng hợp dư luận về giải phóng mặt bằng ở Đồng Kỵ và Tân Hồng; số liệu tháng 12 gửi trước ngày 26/12.',
      percent: null,
    },
  ],
  hoiphunu: [
    {
      title: 'Tuyên truyền các ngày lễ',
      note: 'Các chi hội treo khẩu hiệu, tổ chức văn nghệ chào mừng Ngày hội Đại đoàn kết tại 9/9 khu phố; tham gia hội thi tìm hiểu 100 năm Cách mạng Tháng Mười.',
      percent: 90,
    },
    {
      title: 'Tập trung công tác tập huấn',
      note: 'Cử 46 chi hội trưởng dự các lớp tập huấn do Ban Tuyên giáo mở; 100% học viên có bài thu hoạch.',
      percent: 100,
    },
  ],
};

const SECTIONS: Record<string, Record<string, string>> = {
  bantuyengiao: {
    ket_qua:
      '<p>Trong Quý IV/2017, Ban Tuyên giáo tham mưu tổ chức tốt công tác tuyên truyền các ngày lễ lớn, hoàn thành chỉ tiêu tập huấn nghiệp vụ năm; phối hợp nắm tình hình tư tưởng nhân dân, nhất là tại các dự án giải phóng mặt bằng.</p>',
    han_che:
      '<p>Việc tổng hợp dư luận xã hội ở một số phường còn chậm; tài liệu tuyên truyền đến khu phố chưa đều.</p>',
    phuong_huong:
      '<p>Chuẩn bị tuyên truyền mừng Đảng, mừng Xuân Mậu Tuất 2018 và kỷ niệm 88 năm Ngày thành lập Đảng.</p>',
    kien_nghi: '<p>Không có kiến nghị mới.</p>',
  },
  hoiphunu: {
    ket_qua:
      '<p>Hội LHPN thị xã tiếp tục chăm lo hội viên nghèo, tham gia tuyên truyền các ngày lễ lớn và cử cán bộ dự tập huấn nghiệp vụ (đang hoàn thiện số liệu).</p>',
  },
};

export async function loadLoopDemo(demo: DemoContext): Promise<void> {
  const { trx } = demo;
  const thiuy = demo.unitIds.get('thiuy')!;
  const q4 = (await listPeriods(trx, { unitId: thiuy, year: 2017 })).find(
    (p) => p.kind === 'quarter' && p.number === 4,
  )!;
  const reporter = (unit: string, date: string, time: string) =>
    demo.as(demo.holder('reporter', unit), demoTime(date, time));
  const rows = await reports.listReports(trx, demo.as('vanphong', demoTime('2017-12-19')), {
    periodId: q4.id,
  });

  const write = async (unit: string, date: string) => {
    const ctx = reporter(unit, date, '15:30');
    const report = rows.find((r) => r.unitId === demo.unitIds.get(unit))!;
    const stored = await reports.storeReport(trx, ctx, report.id, {
      version: report.version,
      sections: SECTIONS[unit]!,
      values: [],
      proposals: [],
    });
    const form = await getReportAnswers(trx, ctx, report.id);
    await saveReportAnswers(trx, reporter(unit, date, '16:10'), report.id, {
      answers: ANSWERS[unit]!.map((a) => ({
        taskId: form.items.find((i) => i.title.startsWith(a.title))!.taskId,
        note: a.note,
        percent: a.percent,
        reportsDone: a.done ?? false,
      })),
    });
    return stored.row;
  };

  const sent = await write('bantuyengiao', '2017-12-18');
  const awaiting = await moveReport(trx, reporter('bantuyengiao', '2017-12-19', '08:30'), sent.id, {
    version: sent.version,
    action: 'send',
  });
  await moveReport(
    trx,
    demo.as(demo.holder('unit_head', 'bantuyengiao'), demoTime('2017-12-20', '08:15')),
    sent.id,
    { version: awaiting.row.version, action: 'approve' },
  );
  await write('hoiphunu', '2017-12-22');
}
