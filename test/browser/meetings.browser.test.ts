import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  expectNoSeriousA11yViolations,
  launchBrowser,
  login,
  newPage,
  runningClockFrom,
  screenshot,
  startTwoInstancesOnPostgres,
  type RunningApp,
  type RunningBrowser,
} from './harness.ts';

/*
 * The Done-when flow of the briefing meeting, in Chromium, on two app instances sharing one
 * PostgreSQL database (as two servers behind a load balancer): the secretariat plans the
 * Quý IV/2017 meeting and sends the invitation; Hội LHPN confirms a delegate; the compiled
 * summary shows the submitted reports; the meeting starts and the summary stays as presented
 * when a report changes afterwards; attendance is recorded; two speakers are timed while a
 * projector served by the SECOND instance follows each change within a second; the minutes
 * survive a reload; the chair concludes with two directives and answers a proposal; the
 * minutes are then read only. The apps live on 27/12/2017 (a clock that keeps running).
 */

const PERIOD = 'Quý IV/2017';
const LHPN_REPORT_TEXT = 'Quý IV: tổ chức 5 lớp tập huấn kỹ năng cho chi hội trưởng.';
const LHPN_LATER_TEXT = 'Sửa sau khi họp: tổ chức 6 lớp tập huấn.';
const LHPN_PROPOSAL = 'Đề nghị hỗ trợ kinh phí mở lớp dạy nghề cho phụ nữ năm 2018.';
const DELEGATE = 'Nguyễn Thị Hoa';
const OPENING = 'Tuyên bố lý do, giới thiệu đại biểu';

interface ApiReport {
  id: number;
  version: number;
  sections: { key: string }[];
}

/** Writes, sends and approves a unit's report of the period through the API. */
async function submitReport(
  app: FastifyInstance,
  reportId: number,
  prefix: string,
  text: string,
  proposal?: string,
) {
  const reporter = await apiAs(app, `${prefix}.tonghop`);
  const head = await apiAs(app, `${prefix}.lanhdao`);
  const report = await reporter<ApiReport>('GET', `/reports/${reportId}`);
  const saved = await reporter<ApiReport>('PUT', `/reports/${reportId}`, {
    version: report.version,
    sections: Object.fromEntries(report.sections.map((s) => [s.key, `<p>${text}</p>`])),
    values: [],
    proposals: proposal ? [{ text: proposal }] : [],
  });
  const sent = await reporter<ApiReport>('POST', `/reports/${reportId}/transitions`, {
    version: saved.version,
    action: 'send',
  });
  await head('POST', `/reports/${reportId}/transitions`, {
    version: sent.version,
    action: 'approve',
  });
}

async function reportIdOf(server: RunningApp, unitShortName: string): Promise<number> {
  const row = await server.db
    .selectFrom('unit_reports')
    .innerJoin('report_periods', 'report_periods.id', 'unit_reports.period_id')
    .innerJoin('units', 'units.id', 'unit_reports.unit_id')
    .select('unit_reports.id')
    .where('report_periods.name', '=', PERIOD)
    .where('units.short_name', '=', unitShortName)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('the briefing meeting in Chromium, on two instances sharing PostgreSQL', () => {
  let instances: Awaited<ReturnType<typeof startTwoInstancesOnPostgres>>;
  let first: RunningApp;
  let second: RunningApp;
  let chromium: RunningBrowser;
  let meetingUrl: string;
  let secretary: Page;
  let lhpnReportId: number;

  beforeAll(async () => {
    [instances, chromium] = await Promise.all([
      startTwoInstancesOnPostgres(runningClockFrom('2017-12-27T01:30:00Z')),
      launchBrowser(),
    ]);
    ({ first, second } = instances);
    // Two units have sent their Quý IV report (Hội LHPN with a proposal); the others not yet.
    lhpnReportId = await reportIdOf(first, 'Hội LHPN');
    await submitReport(first.app, lhpnReportId, 'phunu', LHPN_REPORT_TEXT, LHPN_PROPOSAL);
    await submitReport(
      first.app,
      await reportIdOf(first, 'Thị đoàn'),
      'thidoan',
      'Quý IV: ra quân tình nguyện mùa đông.',
    );
  });
  afterEach(async (context) => {
    // A failed step leaves the secretary's page as it was, for a person to look at.
    if (context.task.result?.state === 'fail' && secretary && !secretary.isClosed())
      await screenshot(secretary, 'meetings-failed');
  });
  afterAll(async () => {
    await chromium?.close();
    await instances?.close();
  });

  const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();
  /** Picks an option of an antd select (its list is drawn outside the field). */
  const pick = async (page: Page, select: ReturnType<Page['getByLabel']>, option: string) => {
    await select.click();
    // This select's own list (the combobox controls it by id), not one still closing from the
    // last pick; and the pick is done once that list has closed.
    const listId = await select.getAttribute('aria-controls');
    expect(listId).toBeTruthy();
    const dropdown = page
      .locator('.ant-select-dropdown')
      .filter({ has: page.locator(`[id="${listId}"]`) });
    await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    await expect.poll(() => dropdown.isVisible()).toBe(false);
  };

  it('is planned by the secretariat, with its agenda, and the invitation is sent', async () => {
    secretary = await newPage(chromium.browser);
    await secretary.setViewportSize({ width: 1366, height: 768 });
    await login(secretary, first.url, 'vanphong');
    await secretary.getByRole('menuitem', { name: 'Hội nghị giao ban' }).click();
    await secretary.getByRole('button', { name: 'Tạo hội nghị' }).click();
    const dialog = secretary.getByRole('dialog');
    await pick(secretary, dialog.getByLabel('Kỳ báo cáo'), PERIOD);
    // The title comes from the period; the invited units are the period's.
    await expect.poll(() => dialog.getByLabel('Tên hội nghị').inputValue()).toContain(PERIOD);
    // Chair and secretary are picked from the committee's chairs and secretariat, with search.
    await expect
      .poll(() => dialog.getByText('Nguyễn Văn Toán — Phó Bí thư Thường trực Thị ủy').count())
      .toBe(1);
    await dialog.getByLabel('Thư ký').click();
    await secretary
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Ngô Thị Hằng — Phó Chánh Văn phòng Thị ủy' })
      .waitFor();
    await screenshot(secretary, 'meetings-0-new-dialog');
    await dialog.getByLabel('Thư ký').press('Escape');
    await dialog.getByLabel('Ngày họp').fill('10/01/2018');
    await dialog.getByLabel('Ngày họp').press('Enter');
    await dialog.getByLabel('Địa điểm').fill('Hội trường Thị ủy Từ Sơn');
    await expect
      .poll(() => dialog.getByText('Hội Liên hiệp Phụ nữ thị xã Từ Sơn').count())
      .toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(secretary, 'the new meeting dialog');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await secretary.getByRole('heading', { level: 1, name: new RegExp(PERIOD) }).waitFor();
    meetingUrl = secretary.url().replace(/\?.*$/, '');
    expect(meetingUrl).toMatch(/\/app\/meetings\/\d+$/);
    await secretary.getByText('Địa điểm: Hội trường Thị ủy Từ Sơn').waitFor();

    // Details changed while planned: the dialog opens on what the meeting has.
    await secretary.getByRole('button', { name: 'Sửa thông tin' }).click();
    const edit = secretary.getByRole('dialog', { name: 'Sửa thông tin hội nghị' });
    await expect
      .poll(() => edit.getByLabel('Địa điểm').inputValue())
      .toBe('Hội trường Thị ủy Từ Sơn');
    await edit.getByLabel('Địa điểm').fill('Hội trường tầng 2, Thị ủy Từ Sơn');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await secretary.getByText('Địa điểm: Hội trường tầng 2, Thị ủy Từ Sơn').waitFor();
    await secretary
      .getByText(/10\/01\/2018 08:00/)
      .first()
      .waitFor();

    // The agenda: the invited units in the period's order; an opening item added and moved to
    // the top with the keyboard-accessible buttons; a duration changed; saved.
    await tab(secretary, 'Chương trình');
    const agenda = secretary.getByRole('list', { name: 'Chương trình hội nghị' });
    await expect.poll(() => agenda.getByRole('listitem').count()).toBeGreaterThan(3);
    const count = await agenda.getByRole('listitem').count();
    await secretary.getByLabel('Tên mục (ví dụ: Khai mạc, Thảo luận)').fill(OPENING);
    await secretary.getByRole('button', { name: 'Thêm mục' }).click();
    await expect.poll(() => agenda.getByRole('listitem').count()).toBe(count + 1);
    // Moved to the top with the keyboard-accessible buttons beside the drag handle.
    for (let i = 0; i < count; i++) {
      await secretary.getByRole('button', { name: `Đưa lên trên: ${OPENING}` }).click();
    }
    await expect.poll(() => agenda.getByRole('listitem').first().innerText()).toContain(OPENING);
    await secretary.getByLabel(`Thời lượng (phút): ${OPENING}`).fill('5');
    await expectNoSeriousA11yViolations(secretary, 'the agenda');
    await secretary.getByRole('button', { name: 'Lưu', exact: true }).click();
    await secretary.getByText('Đã lưu chương trình.').waitFor();
    await expect.poll(() => agenda.getByRole('listitem').first().innerText()).toContain(OPENING);

    await tab(secretary, 'Giấy mời');
    await secretary.getByRole('button', { name: 'Gửi giấy mời' }).click();
    await secretary.getByText(/Đã gửi giấy mời lúc 27\/12\/2017/).waitFor();
    await expectNoSeriousA11yViolations(secretary, 'the invitation list');
    await screenshot(secretary, 'meetings-1-invitation');
  });

  it('is confirmed by Hội LHPN with a named delegate', async () => {
    const head = await newPage(chromium.browser);
    await login(head, first.url, 'phunu.lanhdao');
    await head.goto(meetingUrl);
    await head.getByRole('heading', { level: 1, name: /Giấy mời: / }).waitFor();
    await head.getByText(/Phần trình bày của đơn vị: mục \d+/).waitFor();
    await head.getByRole('radio', { name: 'Cử người dự thay' }).check();
    await head.getByLabel('Họ tên người dự').fill(DELEGATE);
    await head.getByLabel('Chức vụ').fill('Phó Chủ tịch Hội LHPN');
    await expectNoSeriousA11yViolations(head, "the invited unit's view");
    await screenshot(head, 'meetings-2-unit-view');
    await head.getByRole('button', { name: 'Gửi xác nhận' }).click();
    await head.getByText(/Đơn vị đã trả lời: Xác nhận dự: Nguyễn Thị Hoa/).waitFor();
    await head.context().close();

    // The secretariat's list shows it, with the others not answered yet.
    await secretary.reload();
    const row = secretary.getByRole('row', { name: /Hội Liên hiệp Phụ nữ/ });
    await expect.poll(() => row.innerText()).toContain(DELEGATE);
    expect(await row.innerText()).toContain('Xác nhận dự');
    await expect
      .poll(() => secretary.getByTestId('invitation-counts').innerText())
      .toMatch(/^Xác nhận: 1 · Từ chối: 0 · Chưa trả lời: \d+$/);
  });

  it('has a compiled summary showing the submitted reports', async () => {
    await tab(secretary, 'Tổng hợp');
    await secretary.getByText(LHPN_REPORT_TEXT).first().waitFor();
    await secretary.getByText('Quý IV: ra quân tình nguyện mùa đông.').first().waitFor();
    await secretary.getByText(LHPN_PROPOSAL).first().waitFor();
    await expectNoSeriousA11yViolations(secretary, 'the compiled summary');
  });

  it('starts, and the summary stays as presented when a report changes afterwards', async () => {
    await secretary.getByRole('button', { name: 'Bắt đầu hội nghị' }).click();
    await secretary.getByRole('dialog').getByRole('button', { name: 'Bắt đầu hội nghị' }).click();
    await secretary
      .getByText('Phím tắt: N – người tiếp theo, Space – tạm dừng / tiếp tục.')
      .waitFor();

    // Hội LHPN's report goes back to the unit, is changed and sent again.
    const office = await apiAs(first.app, 'vanphong');
    const report = await office<ApiReport>('GET', `/reports/${lhpnReportId}`);
    await office('POST', `/reports/${lhpnReportId}/transitions`, {
      version: report.version,
      action: 'return',
      comment: 'Bổ sung số lớp.',
    });
    const reporter = await apiAs(first.app, 'phunu.tonghop');
    const returned = await reporter<ApiReport>('GET', `/reports/${lhpnReportId}`);
    const reopened = await reporter<ApiReport>('POST', `/reports/${lhpnReportId}/transitions`, {
      version: returned.version,
      action: 'reopen',
    });
    const edited = await reporter<ApiReport>('PUT', `/reports/${lhpnReportId}`, {
      version: reopened.version,
      sections: Object.fromEntries(
        reopened.sections.map((s) => [s.key, `<p>${LHPN_LATER_TEXT}</p>`]),
      ),
      values: [],
      proposals: [{ text: LHPN_PROPOSAL }],
    });

    const resent = await reporter<ApiReport>('POST', `/reports/${lhpnReportId}/transitions`, {
      version: edited.version,
      action: 'send',
    });
    const head = await apiAs(first.app, 'phunu.lanhdao');
    await head('POST', `/reports/${lhpnReportId}/transitions`, {
      version: resent.version,
      action: 'approve',
    });

    await tab(secretary, 'Tổng hợp');
    await secretary.getByText(LHPN_REPORT_TEXT).first().waitFor();
    expect(await secretary.getByText(LHPN_LATER_TEXT).count()).toBe(0);
  });

  it('records the attendance', async () => {
    await tab(secretary, 'Điểm danh');
    // Hội LHPN's delegate comes from the confirmation.
    const lhpn = secretary.getByRole('row', { name: /Hội Liên hiệp Phụ nữ/ });
    await expect.poll(() => lhpn.innerText()).toContain('Cử người dự thay');
    await pick(
      secretary,
      secretary.getByLabel('Điểm danh: Hội Cựu chiến binh thị xã Từ Sơn'),
      'Vắng',
    );
    await secretary
      .getByLabel('Lý do vắng: Hội Cựu chiến binh thị xã Từ Sơn')
      .fill('Đi công tác tỉnh.');
    await pick(
      secretary,
      secretary.getByLabel('Điểm danh: Đoàn Thanh niên Cộng sản Hồ Chí Minh thị xã Từ Sơn'),
      'Có mặt',
    );
    await secretary.getByRole('button', { name: 'Lưu', exact: true }).click();
    await secretary.getByText('Đã lưu điểm danh.').waitFor();
    await expect
      .poll(() => secretary.getByTestId('attendance-totals').innerText())
      .toMatch(/^Có mặt 1 · Cử người dự thay 1 · Vắng 1 · /);
    await expectNoSeriousA11yViolations(secretary, 'the attendance');
  });

  it('times two speakers while the projector on the second instance follows within a second', async () => {
    const projector = await newPage(chromium.browser);
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await login(projector, second.url, 'vanphong');
    await projector.goto(`${second.url}${new URL(meetingUrl).pathname}/projector`);
    await projector.getByTestId('projector-idle').waitFor();

    await tab(secretary, 'Điều hành');
    const speaker = projector.getByTestId('projector-speaker');
    /** Does an action on the secretary's page and measures how long the projector takes. */
    const timed = async (act: () => Promise<void>, seen: () => Promise<boolean>) => {
      const started = Date.now();
      await act();
      await expect.poll(seen, { timeout: 5000, interval: 20 }).toBe(true);
      return Date.now() - started;
    };

    // First speaker: the item added at the top.
    const first1 = await timed(
      () => secretary.getByRole('button', { name: /Người tiếp theo/ }).click(),
      async () => (await speaker.count()) > 0 && (await speaker.innerText()) === OPENING,
    );
    expect(first1).toBeLessThan(1000);
    // Paused with Space, resumed with Space (the secretary's shortcuts).
    await secretary.locator('body').click({ position: { x: 5, y: 5 } });
    const paused = await timed(
      () => secretary.keyboard.press('Space'),
      async () => (await projector.getByText('Tạm dừng', { exact: true }).count()) > 0,
    );
    expect(paused).toBeLessThan(1000);
    await secretary.getByText('Đang tạm dừng').waitFor();
    const resumed = await timed(
      () => secretary.keyboard.press('Space'),
      async () => (await projector.getByText('Tạm dừng', { exact: true }).count()) === 0,
    );
    expect(resumed).toBeLessThan(1000);
    await screenshot(projector, 'meetings-4-projector');

    // Second speaker with N: the first unit's item, its confirmed or named speaker.
    const before = await speaker.innerText();
    const second1 = await timed(
      () => secretary.keyboard.press('n'),
      async () => (await speaker.innerText()) !== before,
    );
    expect(second1).toBeLessThan(1000);
    await expectNoSeriousA11yViolations(projector, 'the projector');
    await expectNoSeriousA11yViolations(secretary, 'the running tab');
    await screenshot(secretary, 'meetings-3-running');
    await projector.context().close();
  });

  it('keeps the minutes written during the meeting across a reload', async () => {
    await tab(secretary, 'Biên bản');
    await secretary.getByText(/Thành phần dự: .*Nguyễn Thị Hoa/).waitFor();
    const opening = secretary.getByRole('textbox', { name: new RegExp(`^Ý kiến: ${OPENING}`) });
    await opening.click();
    await secretary.keyboard.type('Đồng chí chủ trì khai mạc hội nghị, nêu mục đích, yêu cầu.');
    await secretary.getByText(/Đã lưu phiên bản \d+ lúc/).waitFor();
    await secretary.reload();
    await secretary
      .getByRole('textbox', { name: new RegExp(`^Ý kiến: ${OPENING}`) })
      .getByText('Đồng chí chủ trì khai mạc hội nghị, nêu mục đích, yêu cầu.')
      .waitFor();
    await expectNoSeriousA11yViolations(secretary, 'the minutes');
    await screenshot(secretary, 'meetings-5-minutes');
  });

  it('is concluded by the chair with two directives and a proposal answered', async () => {
    const chair = await newPage(chromium.browser);
    await chair.setViewportSize({ width: 1366, height: 768 });
    await login(chair, first.url, 'chutri');
    await chair.goto(`${meetingUrl}?tab=conclusion`);
    await chair.getByRole('textbox', { name: 'Đánh giá, ghi nhận' }).click();
    await chair.keyboard.type('Các đơn vị hoàn thành tốt nhiệm vụ quý IV.');
    await chair.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await chair
      .getByLabel('Nhiệm vụ 1', { exact: true })
      .fill('Tập trung mọi nguồn lực cho dự án tại phường Đồng Kỵ.');
    await pick(chair, chair.getByLabel('Đơn vị chủ trì: nhiệm vụ 1'), 'Mặt trận Tổ quốc');
    await chair.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await chair
      .getByLabel('Nhiệm vụ 2', { exact: true })
      .fill('Tổng kết đợt vận động Quỹ "Vì người nghèo" năm 2017.');
    const answer = chair.getByLabel(`Trả lời kiến nghị: ${LHPN_PROPOSAL}`);
    await answer.fill('Thường trực Thị ủy giao Văn phòng cân đối kinh phí năm 2018.');
    await answer.locator('xpath=../..').getByRole('button', { name: 'Lưu' }).click();
    await chair.getByText('Đã trả lời').waitFor();
    // Checked once the "saved" note has gone: measured while it fades, its grey is not its colour.
    await chair.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await expectNoSeriousA11yViolations(chair, 'the conclusion');
    await screenshot(chair, 'meetings-6-conclusion');
    await chair.getByRole('button', { name: 'Kết luận hội nghị' }).click();
    await chair.getByRole('dialog').getByRole('button', { name: 'Kết luận hội nghị' }).click();
    await chair
      .getByText(/Hội nghị đã kết luận lúc/)
      .first()
      .waitFor();
    await chair.getByText('Tập trung mọi nguồn lực cho dự án tại phường Đồng Kỵ.').waitFor();
    await chair.getByText('Tổng kết đợt vận động Quỹ "Vì người nghèo" năm 2017.').waitFor();
    await expect
      .poll(() => chair.getByRole('button', { name: 'Kết luận hội nghị' }).count())
      .toBe(0);
    await chair.context().close();
  });

  it('has read-only minutes once concluded', async () => {
    await secretary.goto(`${meetingUrl}?tab=minutes`);
    await secretary.getByText('Biên bản đã khóa: hội nghị đã kết luận.').waitFor();
    const opening = secretary.getByRole('textbox', { name: new RegExp(`^Ý kiến: ${OPENING}`) });
    await opening.getByText('Đồng chí chủ trì khai mạc hội nghị, nêu mục đích, yêu cầu.').waitFor();
    expect(await opening.getAttribute('contenteditable')).toBe('false');
    await screenshot(secretary, 'meetings-7-minutes-locked');
    await secretary.context().close();
  });
});
