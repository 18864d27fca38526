import ExcelJS from 'exceljs';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { formatDateTime } from '../text/index.ts';
import type { Ctx } from '../units/roles.ts';
import { vnToday } from './deadlines.ts';
import type { TaskQuery, TaskSummary } from './tasks.schema.ts';
import { listTasks } from './tasks.service.ts';
import type { TaskState } from './tasks.states.ts';
import { lastUpdatesOf } from './updates.service.ts';

/*
 * Any task list as an Excel sheet: the same filters (TaskQuery) and the same reading rights as
 * the list, every page of it, with Vietnamese headers, unit names and states, and each task's
 * last update the secretariat sees.
 */

/** The most rows one export holds (the list's pages, read one after another). */
export const EXPORT_MAX_ROWS = 10_000;
const PAGE = 200;

const STATE_NAMES: Record<TaskState, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  reported_done: 'Đã báo cáo hoàn thành',
  returned: 'Bị trả lại',
  accepted: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
};

const COLUMNS: { header: string; width: number }[] = [
  { header: 'STT', width: 6 },
  { header: 'Nhiệm vụ', width: 50 },
  { header: 'Đơn vị chủ trì', width: 26 },
  { header: 'Đơn vị phối hợp', width: 34 },
  { header: 'Thời hạn', width: 12 },
  { header: 'Số lần gia hạn', width: 10 },
  { header: 'Trạng thái', width: 20 },
  { header: 'Tình trạng hạn', width: 14 },
  { header: 'Nguồn', width: 30 },
  { header: 'Kết quả cần đạt', width: 30 },
  { header: 'Tiến độ (%)', width: 10 },
  { header: 'Cập nhật gần nhất', width: 50 },
];

const day = (d: string) => d.split('-').reverse().join('/');

function sourceText(t: TaskSummary): string {
  if (t.source.kind === 'directive') return 'Kết luận hội nghị giao ban';
  if (t.source.kind === 'document') return t.source.document ?? 'Văn bản';
  return 'Khác';
}

/** The tasks of the query, as an .xlsx file named by the day it is made. */
export async function exportTasks(
  db: Db,
  ctx: Ctx,
  query: Omit<TaskQuery, 'page' | 'pageSize'>,
): Promise<{ fileName: string; data: Buffer }> {
  const tasks: TaskSummary[] = [];
  for (let page = 1; tasks.length < EXPORT_MAX_ROWS; page++) {
    const list = await listTasks(db, ctx, { ...query, page, pageSize: PAGE });
    tasks.push(...list.items);
    if (list.items.length < PAGE || tasks.length >= list.total) break;
  }
  const last = await lastUpdatesOf(
    db,
    tasks.map((t) => t.id),
  );
  const today = vnToday(nowOf(ctx));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Nhiệm vụ');
  sheet.addRow([`Danh sách nhiệm vụ (lập ngày ${day(today)})`]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { bottom: { style: 'thin' } };
    c.alignment = { wrapText: true, vertical: 'middle' };
  });
  COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  tasks.forEach((t, i) => {
    const u = last.get(t.id);
    const row = sheet.addRow([
      i + 1,
      t.title,
      t.leadUnit.unitName,
      t.coordinatingUnits.map((c) => c.unitName).join('; '),
      day(t.deadline),
      t.extensions,
      STATE_NAMES[t.state],
      t.overdue ? 'Quá hạn' : t.dueSoon ? 'Sắp đến hạn' : '',
      sourceText(t),
      t.expectedResult,
      u?.percent ?? null,
      u ? `${formatDateTime(u.createdAt)} – ${u.unitName}: ${u.note}` : '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return {
    fileName: `nhiem-vu-${today}.xlsx`,
    data: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
