import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodDates } from '../../src/reports/period-rules.ts';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  login,
  newPage,
  screenshot,
  startApp,
  type RunningApp,
  type RunningBrowser,
} from './harness.ts';

/*
 * The secretariat keeps the reporting set-up in Chromium, on the demo: it edits the report
 * template (a renamed, an added and a moved section, one unit kind's indicators), changes the
 * rule for periods' default dates, changes which units report in a period, and reads period
 * names in English. A save over someone else's change is refused without losing the edits.
 */
describe('report templates, settings and period units in Chromium', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  let page: Page;
  let templateId: number;
  const periodIds = new Map<string, number>();
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp(), launchBrowser()]);
    const template = await server.db
      .selectFrom('report_templates')
      .select('id')
      .where('name', '=', 'Báo cáo quý khối Đảng, đoàn thể')
      .executeTakeFirstOrThrow();
    templateId = template.id;
    for (const p of await server.db.selectFrom('report_periods').select(['id', 'name']).execute())
      periodIds.set(p.name, p.id);
    page = await newPage(chromium.browser);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await login(page, server.url, 'vanphong');
  });
  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await chromium?.close();
    await server?.close();
  });

  /** Chooses an option of an antd Select by typing, as a keyboard user would, then leaves it. */
  async function pick(select: Locator, text: string) {
    await select.click();
    await select.fill(text);
    await select.press('Enter');
    // A multiple select's list stays open and would cover what comes next.
    await select.blur();
  }

  /** Removes a chosen value from the multiple Select labelled `label`, by its tag's close button. */
  async function unpick(scope: Page | Locator, label: string, text: string) {
    await scope
      .locator('.ant-select')
      .filter({ has: page.getByLabel(label, { exact: true }) })
      .locator('.ant-select-selection-item')
      .filter({ hasText: text })
      .locator('.ant-select-selection-item-remove')
      .click();
  }

  const templateApi = () => `${server.url}/api/v1/templates/${templateId}`;

  it('edits the template: renamed, added and moved sections, indicators per unit kind', async () => {
    await page.getByRole('menuitem', { name: 'Mẫu báo cáo' }).click();
    await page.getByRole('cell', { name: 'Báo cáo quý khối Đảng, đoàn thể' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the templates list');
    await screenshot(page, 'admin-0-templates');
    await page.getByRole('link', { name: 'Báo cáo quý khối Đảng, đoàn thể' }).click();
    await page
      .getByRole('heading', { name: 'Mẫu báo cáo: Báo cáo quý khối Đảng, đoàn thể' })
      .waitFor();
    await page.getByText('Đang dùng phiên bản 1 của mẫu').waitFor();
    await page.getByText(/Các kỳ báo cáo đã mở giữ nguyên phiên bản mẫu lúc mở kỳ/).waitFor();

    await page.getByLabel('Tiêu đề mục 2', { exact: true }).fill('Hạn chế, khó khăn, vướng mắc');
    // A renamed section keeps its key, so reports keep the text written under it.
    await page.getByText('Mã mục: han_che', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Thêm mục' }).click();
    await page.getByLabel('Tiêu đề mục 5', { exact: true }).fill('Đánh giá công tác phối hợp');
    await page
      .getByText('Mục mới, mã sẽ là: danh_gia_cong_tac_phoi_hop', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Chuyển mục 5 lên' }).click();
    await expect
      .poll(() => page.getByLabel('Tiêu đề mục 4', { exact: true }).inputValue())
      .toBe('Đánh giá công tác phối hợp');

    const boards = page.getByLabel('Ban xây dựng Đảng', { exact: true });
    await pick(boards, 'MH_CLB');
    await unpick(page, 'Ban xây dựng Đảng', 'Cuộc kiểm tra, giám sát');
    await expectNoSeriousA11yViolations(page, 'the template editor');
    await screenshot(page, 'admin-1-template-editor');

    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu phiên bản 2 của mẫu.').waitFor();

    await page.reload();
    await page.getByText('Đang dùng phiên bản 2 của mẫu').waitFor();
    expect(await page.getByLabel('Tiêu đề mục 2', { exact: true }).inputValue()).toBe(
      'Hạn chế, khó khăn, vướng mắc',
    );
    await page.getByText('Mã mục: danh_gia_cong_tac_phoi_hop', { exact: true }).waitFor();
    const saved = (await (await page.request.get(templateApi())).json()) as {
      current: {
        sections: { key: string; title: string }[];
        indicators: { unitKind: string; indicatorIds: number[] }[];
      };
    };
    expect(saved.current.sections.map((s) => s.key)).toEqual([
      'ket_qua',
      'han_che',
      'phuong_huong',
      'danh_gia_cong_tac_phoi_hop',
      'kien_nghi',
    ]);
    const codes = await server.db.selectFrom('indicators').select(['id', 'code']).execute();
    const codeOf = new Map(codes.map((c) => [c.id, c.code]));
    const boardCodes = saved.current.indicators
      .find((g) => g.unitKind === 'party_board')!
      .indicatorIds.map((id) => codeOf.get(id));
    expect(boardCodes).toEqual(['TUYEN_TRUYEN', 'DV_MOI', 'LOP_TH', 'MH_CLB']);
  });

  it('refuses a stale template save without losing the edits, and offers the latest', async () => {
    await page.getByLabel('Tiêu đề mục 1', { exact: true }).fill('Kết quả nổi bật trong quý');
    // Someone else saves in between.
    const current = (await (await page.request.get(templateApi())).json()) as {
      version: number;
      current: { sections: unknown[]; indicators: unknown[] };
    };
    const put = await page.request.put(templateApi(), {
      data: {
        version: current.version,
        name: 'Báo cáo quý khối Đảng, đoàn thể (sửa đổi)',
        sections: current.current.sections,
        indicators: current.current.indicators,
      },
    });
    expect(put.status()).toBe(200);

    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'đã được người khác thay đổi' });
    await alert.waitFor();
    expect(await page.getByLabel('Tiêu đề mục 1', { exact: true }).inputValue()).toBe(
      'Kết quả nổi bật trong quý',
    );
    await expectNoSeriousA11yViolations(page, 'the template conflict');
    await screenshot(page, 'admin-2-template-conflict');

    await alert.getByRole('button', { name: 'Tải bản mới nhất' }).click();
    await expect
      .poll(() => page.getByLabel('Tên mẫu', { exact: true }).inputValue())
      .toBe('Báo cáo quý khối Đảng, đoàn thể (sửa đổi)');
    expect(await page.getByLabel('Tiêu đề mục 1', { exact: true }).inputValue()).toBe(
      'Kết quả thực hiện nhiệm vụ',
    );
    await page.getByText('Đang dùng phiên bản 3 của mẫu').waitFor();

    // Keeping one's own version after a conflict saves it over the newer one.
    await page.getByLabel('Tiêu đề mục 1', { exact: true }).fill('Kết quả nổi bật trong quý');
    await page.request.put(templateApi(), {
      data: {
        version: current.version + 1,
        sections: current.current.sections,
        indicators: current.current.indicators,
      },
    });
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await alert.getByRole('button', { name: 'Giữ bản của tôi' }).click();
    await alert.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu phiên bản 5 của mẫu.').waitFor();
    const after = (await (await page.request.get(templateApi())).json()) as {
      current: { sections: { key: string; title: string }[] };
    };
    expect(after.current.sections[0]).toEqual({
      key: 'ket_qua',
      title: 'Kết quả nổi bật trong quý',
    });
  });

  it('changes the rule for default dates, with a live example that the server agrees with', async () => {
    await page.getByRole('menuitem', { name: 'Cấu hình báo cáo' }).click();
    await page.getByRole('heading', { name: 'Quy tắc ngày của kỳ báo cáo' }).waitFor();
    await page.getByText(/Nghị định 09\/2019\/NĐ-CP/).waitFor();

    // The example is the quarter after today in Vietnam.
    const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
      .format(new Date())
      .split('-')
      .map(Number) as [number, number];
    const q = Math.ceil(month / 3);
    const next = {
      kind: 'quarter' as const,
      year: q === 4 ? year + 1 : year,
      number: q === 4 ? 1 : q + 1,
    };
    const day = (iso: string) => iso.split('-').reverse().join('/');
    const example = page.getByRole('status').filter({ hasText: 'Ví dụ với kỳ tới' });
    const decree = periodDates(next, {
      dataFromDay: 15,
      cutoffDay: 14,
      deadlineDaysAfterCutoff: 6,
    });
    await expect.poll(() => example.textContent()).toContain(day(decree.cutoffDate));

    await page.getByLabel('Ngày chốt số liệu (ngày của tháng cuối kỳ)').fill('10');
    await page.getByLabel('Hạn nộp báo cáo: số ngày sau ngày chốt').fill('5');
    const rule = { dataFromDay: 15, cutoffDay: 10, deadlineDaysAfterCutoff: 5 };
    const expected = periodDates(next, rule);
    await expect.poll(() => example.textContent()).toContain(day(expected.cutoffDate));
    expect(await example.textContent()).toContain(day(expected.deadline));
    await expectNoSeriousA11yViolations(page, 'the report settings');
    await screenshot(page, 'admin-3-settings');

    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu.').waitFor();
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Ngày chốt số liệu (ngày của tháng cuối kỳ)').inputValue())
      .toBe('10');
    expect(await page.getByLabel('Hạn nộp báo cáo: số ngày sau ngày chốt').inputValue()).toBe('5');
    // New periods get the rule's dates.
    const defaults = (await (
      await page.request.get(`${server.url}/api/v1/periods/defaults`, { params: next })
    ).json()) as { cutoffDate: string; deadline: string };
    expect(defaults).toMatchObject({
      cutoffDate: expected.cutoffDate,
      deadline: expected.deadline,
    });
  });

  it('drops and adds a unit that must report, and shows why a started report cannot go', async () => {
    await page.goto(`${server.url}/app/periods/${periodIds.get('Quý IV/2017')}`);
    await page.getByRole('heading', { name: 'Theo dõi nộp báo cáo: Quý IV/2017' }).waitFor();
    await page.getByRole('row', { name: /Ban Dân vận Thị ủy/ }).waitFor();
    await page.getByRole('button', { name: 'Đơn vị phải báo cáo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đơn vị phải báo cáo: Quý IV/2017' });
    await dialog.waitFor();
    const unitsLabel = 'Các đơn vị phải nộp báo cáo kỳ này';
    await unpick(dialog, unitsLabel, 'Ban Dân vận Thị ủy');
    await pick(dialog.getByLabel(unitsLabel, { exact: true }), 'Văn phòng');
    await expectNoSeriousA11yViolations(page, 'the period units dialog');
    await screenshot(page, 'admin-4-period-units');
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Bỏ 1 đơn vị khỏi kỳ báo cáo?' });
    await confirm.getByText('Ban Dân vận Thị ủy', { exact: true }).waitFor();
    await confirm.getByRole('button', { name: 'Bỏ đơn vị', exact: true }).click();
    await page.getByText('Đã cập nhật danh sách đơn vị: thêm 1, bỏ 1.').waitFor();
    await page.getByRole('row', { name: /Văn phòng Thị ủy/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Ban Dân vận Thị ủy/ }).count()).toBe(0);

    // Hội Nông dân has sent its Quý III report: the server keeps it, the dialog says why.
    await page.goto(`${server.url}/app/periods/${periodIds.get('Quý III/2017')}`);
    await page.getByRole('button', { name: 'Đơn vị phải báo cáo' }).click();
    const q3 = page.getByRole('dialog', { name: 'Đơn vị phải báo cáo: Quý III/2017' });
    await unpick(q3, unitsLabel, 'Hội Nông dân thị xã Từ Sơn');
    await q3.getByRole('button', { name: 'Lưu', exact: true }).click();
    const confirmQ3 = page.getByRole('dialog', { name: 'Bỏ 1 đơn vị khỏi kỳ báo cáo?' });
    await confirmQ3.getByText('Hội Nông dân thị xã Từ Sơn — đã có báo cáo (Đã gửi)').waitFor();
    await confirmQ3.getByText(/không bỏ được/).waitFor();
    await expectNoSeriousA11yViolations(page, 'the unit drop confirmation');
    await screenshot(page, 'admin-5-period-units-confirm');
    await confirmQ3.getByRole('button', { name: 'Bỏ đơn vị', exact: true }).click();
    await q3
      .getByRole('alert')
      .getByText(
        'Không thể bỏ khỏi kỳ báo cáo đơn vị đã bắt đầu báo cáo: Hội Nông dân thị xã Từ Sơn.',
      )
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'the refused unit drop');
    await screenshot(page, 'admin-5-period-units-refused');
    await q3.getByRole('button', { name: 'Hủy', exact: true }).click();
    await page.getByRole('row', { name: /Hội Nông dân thị xã Từ Sơn/ }).waitFor();
  });

  it('shows the template read-only to an admin, whom the server does not let edit it', async () => {
    const admin = await newPage(chromium.browser);
    await login(admin, server.url, 'quantri');
    await admin.getByRole('menuitem', { name: 'Mẫu báo cáo' }).click();
    await admin.getByRole('link', { name: /Báo cáo quý khối Đảng, đoàn thể/ }).click();
    await admin.getByText(/bạn đang xem ở chế độ chỉ đọc/).waitFor();
    expect(await admin.getByRole('button', { name: 'Lưu', exact: true }).count()).toBe(0);
    // Plain text rather than a disabled form: the sections and indicators read as they are.
    expect(await admin.getByRole('textbox').count()).toBe(0);
    await admin
      .getByRole('listitem')
      .filter({ hasText: 'Mã mục: danh_gia_cong_tac_phoi_hop' })
      .waitFor();
    await admin
      .getByRole('cell', { name: /Mô hình, câu lạc bộ đang hoạt động \(MH_CLB\)/ })
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(admin, 'the read-only template');
    await screenshot(admin, 'admin-9-template-read-only');
    await admin.context().close();
  });

  it('shows period names and the new pages in English', async () => {
    await page
      .getByRole('radiogroup', { name: 'Ngôn ngữ / Language' })
      .getByText('English')
      .click();
    await page.getByRole('heading', { name: 'Submissions: Q3 2017' }).waitFor();
    await page.getByRole('button', { name: 'Units that must report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Units that must report: Q3 2017' });
    await dialog.waitFor();
    await expectNoSeriousA11yViolations(page, 'the period units dialog in English');
    await screenshot(page, 'admin-6-period-units-en');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

    await page.getByRole('menuitem', { name: 'Reporting periods' }).click();
    await page.getByRole('link', { name: 'Q4 2017' }).waitFor();
    await page.getByRole('menuitem', { name: 'Unit reports' }).click();
    await page.getByRole('cell', { name: 'Q3 2017' }).first().waitFor();

    await page.getByRole('menuitem', { name: 'Report templates' }).click();
    await page.getByRole('link', { name: /Báo cáo quý khối Đảng, đoàn thể/ }).click();
    await page.getByText('Current version 5').waitFor();
    await page.getByText(/Periods already opened keep the version they were opened with/).waitFor();
    await page.getByText('Open periods using this template:').waitFor();
    await expectNoSeriousA11yViolations(page, 'the template editor in English');
    await screenshot(page, 'admin-7-template-editor-en');

    await page.getByRole('menuitem', { name: 'Report settings' }).click();
    await page.getByRole('heading', { name: 'Rule for reporting period dates' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Example: the next quarterQ\d \d{4}:/ })
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'the report settings in English');
    await screenshot(page, 'admin-8-settings-en');
  });
});
