import ExcelJS from 'exceljs';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { AppError, Forbidden } from '../http/errors.ts';
import type { Ctx } from '../units/roles.ts';
import { loadUnitTree } from '../units/units.service.ts';
import {
  SHEET_COLUMNS,
  locateColumns,
  validateSheetRows,
  type SheetColumn,
  type SheetRow,
} from './excel-rows.ts';
import { slugify } from '../text/fold.ts';
import type { ProgressTable } from './figures.schema.ts';
import { periodName, type PeriodKey, type PeriodKind } from './period-rules.ts';
import { loadPeriod } from './periods.service.ts';
import { vnToday } from './board.service.ts';
import { getProgress, progressTable } from './progress.service.ts';
import { rowsOf, type ProgressRowObject } from './progress-table.ts';
import { canFollowPeriods } from './reports.policy.ts';
import * as repo from './reports.repository.ts';
import type { Report } from './reports.schema.ts';
import { getReport, loadForEdit, saveReport } from './reports.service.ts';

const HEADER_ROW = 4;
const ORDER: SheetColumn[] = ['code', 'name', 'measure', 'period', 'value'];

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
}

/** A unit's indicator sheet for one period, to fill in and upload back. */
export async function indicatorSheet(
  db: Db,
  ctx: Ctx,
  reportId: number,
): Promise<{ fileName: string; data: Buffer }> {
  const report = await getReport(db, ctx, reportId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Giao Ban';
  const sheet = workbook.addWorksheet('Chỉ tiêu');
  sheet.getCell('A1').value = `Số liệu chỉ tiêu: ${report.unitName}`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value =
    `Kỳ báo cáo: ${report.periodName}. Chỉ điền cột "Giá trị"; để trống nếu chưa có số liệu.`;
  const header = sheet.getRow(HEADER_ROW);
  header.values = ORDER.map((c) => SHEET_COLUMNS[c].vi);
  styleHeader(header);
  for (const [i, ind] of report.indicators.entries()) {
    sheet.getRow(HEADER_ROW + 1 + i).values = [
      ind.code,
      ind.name,
      ind.measure,
      report.periodName,
      ind.value ?? null,
    ];
  }
  sheet.columns.forEach((col, i) => (col.width = [16, 60, 14, 16, 14][i]));
  return {
    fileName: `chi-tieu-${periodSlug({ kind: report.periodKind, year: report.periodYear, number: report.periodNumber })}-${slugify(report.unitName, 40)}.xlsx`,
    data: await toBuffer(workbook),
  };
}

/** Reads the sheet's data rows under the header row, whichever row that is. */
async function readSheet(
  data: Buffer,
): Promise<{ rows: SheetRow[]; columns: Partial<Record<SheetColumn, number>> }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'excel_unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(400, 'excel_unreadable');
  let headerAt = 0;
  let columns: Partial<Record<SheetColumn, number>> = {};
  sheet.eachRow((row, n) => {
    if (headerAt) return;
    const found = locateColumns((row.values as unknown[]).slice(1));
    if (found.code && found.value) {
      headerAt = n;
      columns = found;
    }
  });
  if (!headerAt) throw new AppError(400, 'excel_unreadable');
  const rows: SheetRow[] = [];
  sheet.eachRow((row, n) => {
    if (n <= headerAt) return;
    const cells: SheetRow['cells'] = {};
    for (const [key, col] of Object.entries(columns) as [SheetColumn, number][])
      cells[key] = row.getCell(col).value;
    const blank = Object.values(cells).every((v) => v === null || v === undefined || v === '');
    if (!blank) rows.push({ row: n, cells });
  });
  return { rows, columns };
}

/**
 * Uploads a filled sheet: every row is validated first; one bad row and nothing is saved, the
 * 400 listing each problem by cell. A good sheet is saved like any other edit (a revision, 409
 * on a stale version).
 */
export async function uploadIndicatorSheet(
  db: Db,
  ctx: Ctx,
  reportId: number,
  version: number,
  data: Buffer,
): Promise<Report> {
  await loadForEdit(db, ctx, reportId, version);
  const report = await getReport(db, ctx, reportId);
  const { rows, columns } = await readSheet(data);
  const { values, errors } = validateSheetRows(rows, {
    indicators: new Map(
      report.indicators.map((i) => [
        i.code.toUpperCase(),
        { id: i.indicatorId, allowNegative: i.allowNegative, measure: i.measure },
      ]),
    ),
    periodName: report.periodName,
    columns,
  });
  const count = Object.keys(errors).length;
  if (count > 0) throw new AppError(400, 'excel_invalid', { count }, errors);
  return saveReport(
    db,
    ctx,
    reportId,
    {
      version,
      sections: {},
      values,
      proposals: report.proposals.map((p) => ({ id: p.id, text: p.text })),
    },
    'excel',
  );
}

const dmy = (date: string | null) => (date ? date.split('-').reverse().join('/') : '');

function progressSheet(
  workbook: ExcelJS.Workbook,
  title: string,
  table: ProgressTable,
  asked: string | null,
) {
  const sheet = workbook.addWorksheet(title.replace(/[*?:\\/[\]]/g, '-').slice(0, 31));
  const head = [
    'Đơn vị',
    'Số liệu đến ngày',
    'Mã chỉ tiêu',
    'Tên chỉ tiêu',
    'Đơn vị tính',
    'Quý I',
    'Quý II',
    'Quý III',
    'Quý IV',
    'Lũy kế',
    'Chỉ tiêu năm',
    'Tỷ lệ (%)',
    'Dự kiến cả năm',
    'Đánh giá',
  ];
  const status = {
    on_track: 'Đúng tiến độ',
    behind: 'Chậm tiến độ',
    no_target: 'Chưa giao chỉ tiêu',
    no_data: 'Chưa có số liệu',
  };
  const date = asked ?? table.asOf;
  sheet.getCell('A1').value = date ? `${title} (số liệu đến ngày ${dmy(date)})` : title;
  sheet.getCell('A1').font = { bold: true };
  sheet.getCell('A2').value =
    'Chỉ tính số liệu của báo cáo đã gửi (đã trình hoặc đã tiếp nhận); mỗi đơn vị tính đến ' +
    'hết quý cuối cùng đơn vị đã gửi.';
  sheet.getRow(3).values = head;
  styleHeader(sheet.getRow(3));
  const indicators = new Map(table.indicators.map((i) => [i.id, i]));
  const units = new Map(table.units.map((u) => [u.id, u]));
  const line = (
    unitName: string,
    asOf: string | null,
    r: Omit<ProgressRowObject, 'unitId' | 'quarters'> & { quarters: (number | null)[] },
  ) => {
    const ind = indicators.get(r.indicatorId)!;
    sheet.addRow([
      unitName,
      dmy(asOf),
      ind.code,
      ind.name,
      ind.measure,
      ...r.quarters,
      r.actual,
      r.target,
      r.percent,
      r.forecast,
      status[r.status],
    ]);
  };
  for (const r of rowsOf(table.rows)) {
    const unit = units.get(r.unitId);
    line(unit?.name ?? '', unit?.asOf ?? null, r);
  }
  const totalName = `Toàn khối (${table.coverage.covered}/${table.coverage.units} đơn vị)`;
  for (const t of table.totals) line(totalName, table.asOf, t);
  sheet.columns.forEach((col, i) => (col.width = i === 0 || i === 3 ? 40 : 13));
}

/** A period in a file name, in Vietnamese like the rest of it: "quy-iv-2017", "nam-2017". */
function periodSlug(period: PeriodKey): string {
  return slugify(periodName(period));
}

/** All units' values and progress for a period (the secretariat's export). */
export async function periodExport(db: Db, ctx: Ctx, periodId: number) {
  const period = await loadPeriod(db, periodId);
  if (!canFollowPeriods(ctx.actor, period.unit_id, await loadUnitTree(db))) throw Forbidden();
  const unitIds = (await repo.listReports(db, { periodId })).map((r) => r.unit_id);
  const table = await progressTable(db, period.year, {
    unitIds,
    asOf: period.end_date,
    today: vnToday(nowOf(ctx)),
  });
  const workbook = new ExcelJS.Workbook();
  progressSheet(workbook, `Số liệu ${period.name}`, table, period.end_date);
  return {
    fileName: `so-lieu-${periodSlug({ ...period, kind: period.kind as PeriodKind })}.xlsx`,
    data: await toBuffer(workbook),
  };
}

/** The year's progress for every unit the caller may read. */
export async function yearExport(db: Db, ctx: Ctx, year: number) {
  const table = await getProgress(db, ctx, { year });
  const workbook = new ExcelJS.Workbook();
  progressSheet(workbook, `Tiến độ năm ${year}`, table, null);
  return { fileName: `tien-do-${year}.xlsx`, data: await toBuffer(workbook) };
}
