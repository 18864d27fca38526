import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  demoReport,
  expectNoSeriousA11yViolations,
  launchBrowser,
  reportStep,
  screenshot,
  signedIn,
  startApp,
  type RunningApp,
  type RunningBrowser,
} from './harness.ts';

/*
 * Issue 13's loop end to end, in Chromium on the demo (on its calendar, from 23/12/2017): the
 * Quý IV/2017 meeting is held and concluded with two directives; the chair turns them into tasks
 * for Hội LHPN; Hội LHPN's reporter finds them in the Quý I/2018 report form and reports
 * progress, its head approves the report; the secretariat sees the update on the task and in
 * the Quý I/2018 meeting's summary; the chair's overview shows the overdue task and leads to
 * it; Hội LHPN's reporter has the notification of the new task; an editor drafts the Quý IV
 * meeting's article and publishes it.
 */

const Q4_MEETING = 'Hội nghị giao ban khối Đảng, đoàn thể Quý IV/2017';
const FIRST = 'Nhân rộng mô hình "Gia đình 5 không, 3 sạch" ở các khu phố của phường Đồng Nguyên.';
const SECOND =
  'Tổ chức hội thi tìm hiểu pháp luật về phòng, chống bạo lực gia đình trong quý I/2018.';
const NOTE =
  'Đã khảo sát 12 khu phố, chọn 4 khu phố làm điểm; dự kiến ra mắt mô hình ngày 08/3/2018.';

interface Versioned {
  id: number;
  version: number;
}
interface TaskRow extends Versioned {
  title: string;
  deadline: string;
  overdue: boolean;
}

describe('directives become tasks that close the loop, in Chromium', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  let meetingId: number;
  let taskIds: number[];
  let lhpn: number;

  const unitId = async (shortName: string) =>
    (
      await server.db
        .selectFrom('units')
        .select('id')
        .where('short_name', '=', shortName)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp({ demoCalendar: true }), launchBrowser()]);
    lhpn = await unitId('Hội LHPN');
    const thidoan = await unitId('Thị đoàn');
    // The Quý IV/2017 meeting is held and concluded with two directives for Hội LHPN (the
    // meetings browser test does this in the pages).
    const sec = await apiAs(server.app, 'vanphong');
    const meeting = await server.db
      .selectFrom('meetings')
      .select('id')
      .where('title', '=', Q4_MEETING)
      .executeTakeFirstOrThrow();
    meetingId = meeting.id;
    let m = await sec<Versioned>('GET', `/meetings/${meetingId}`);
    await sec('POST', `/meetings/${meetingId}/transitions`, {
      version: m.version,
      action: 'start',
    });
    const c = await sec<Versioned>('GET', `/meetings/${meetingId}/conclusion`);
    await sec('PUT', `/meetings/${meetingId}/conclusion`, {
      version: c.version,
      directives: [
        { text: FIRST, leadUnitId: lhpn, coordinatingUnitIds: [thidoan], deadline: '2018-03-15' },
        { text: SECOND, leadUnitId: lhpn, deadline: '2018-03-31' },
      ],
    });
    m = await sec<Versioned>('GET', `/meetings/${meetingId}`);
    await sec('POST', `/meetings/${meetingId}/transitions`, {
      version: m.version,
      action: 'conclude',
    });
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('lets the chair turn the two directives into tasks', async () => {
    const chair = await signedIn(chromium.browser, server, 'chutri');
    await chair.goto(`${server.url}/app/meetings/${meetingId}?tab=tasks`);
    const issue = chair.getByRole('button', { name: 'Giao nhiệm vụ', exact: true });
    await issue.first().click();
    await expect.poll(() => chair.getByText(/Đã giao: nhiệm vụ #/).count()).toBe(1);
    await issue.first().click();
    await expect.poll(() => chair.getByText(/Đã giao: nhiệm vụ #/).count()).toBe(2);
    await screenshot(chair, 'tasks-loop-0-meeting-tasks');
    const made = await server.db
      .selectFrom('tasks')
      .select(['id', 'title', 'deadline', 'lead_unit_id'])
      .where('source_meeting_id', '=', meetingId)
      .orderBy('id')
      .execute();
    expect(made.map((t) => [t.title, t.deadline, t.lead_unit_id])).toEqual([
      [FIRST, '2018-03-15', lhpn],
      [SECOND, '2018-03-31', lhpn],
    ]);
    taskIds = made.map((t) => t.id);
    await chair.context().close();
  });

  it('asks Hội LHPN about them in its next period’s report, and the answers become updates', async () => {
    // The secretariat opens Quý I/2018 (the period board does this in the pages).
    const sec = await apiAs(server.app, 'vanphong');
    const periods = await sec<{ items: { name: string; unitId: number; templateId: number }[] }>(
      'GET',
      '/periods',
    );
    const q4 = periods.items.find((p) => p.name === 'Quý IV/2017')!;
    await sec('POST', '/periods', {
      unitId: q4.unitId,
      kind: 'quarter',
      year: 2018,
      number: 1,
      templateId: q4.templateId,
    });
    const report = await demoReport(server, 'Quý I/2018', 'Hội LHPN');

    const page = await signedIn(chromium.browser, server, 'phunu.tonghop');
    await page.goto(report.url);
    const panel = page.getByTestId('report-tasks');
    await panel.getByText('Tiến độ thực hiện nhiệm vụ được giao').waitFor();
    const first = panel.locator('section').filter({ hasText: FIRST });
    await first.waitFor();
    await panel.locator('section').filter({ hasText: SECOND }).waitFor();
    await first.getByLabel('Tiến độ trong kỳ').fill(NOTE);
    await first.getByLabel('Tỷ lệ hoàn thành (%)').fill('30');
    await page.getByRole('button', { name: 'Lưu tiến độ nhiệm vụ' }).click();
    await page.getByText('Đã lưu tiến độ nhiệm vụ.').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the Quý I/2018 report form’s tasks');
    await screenshot(page, 'tasks-loop-1-report');
    await reportStep(page, 'Gửi lãnh đạo duyệt', 'Chờ lãnh đạo duyệt');
    await page.context().close();

    const head = await signedIn(chromium.browser, server, 'phunu.lanhdao');
    await head.goto(report.url);
    await reportStep(head, 'Duyệt và gửi Thị ủy', 'Đã gửi');
    await head.context().close();
  });

  it('shows the secretariat the update on the task and in the next meeting’s summary', async () => {
    const sec = await apiAs(server.app, 'vanphong');
    const page = await signedIn(chromium.browser, server, 'vanphong');
    await page.goto(`${server.url}/app/tasks/${taskIds[0]}`);
    await page.getByText(NOTE).waitFor();
    await page.getByText('30%', { exact: true }).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the task page with the report’s update');

    // The Quý I/2018 meeting, planned: its compiled summary follows the tasks.
    const period = await server.db
      .selectFrom('report_periods')
      .select('id')
      .where('name', '=', 'Quý I/2018')
      .executeTakeFirstOrThrow();
    const next = await sec<Versioned>('POST', '/meetings', {
      periodId: period.id,
      startsAt: '2018-04-10T08:00:00+07:00',
      plannedEndAt: '2018-04-10T11:00:00+07:00',
      place: 'Hội trường Thị ủy Từ Sơn',
    });
    await page.goto(`${server.url}/app/meetings/${next.id}?tab=summary`);
    const follow = page.getByTestId('task-follow-up');
    await follow.getByText('Theo dõi thực hiện nhiệm vụ').waitFor();
    const row = follow.getByRole('row').filter({ hasText: FIRST });
    await row.getByText(NOTE).waitFor();
    await row.getByText('30%').waitFor();
    await screenshot(page, 'tasks-loop-2-follow-up');
    await page.context().close();
  });

  it('shows the overdue task in the chair’s overview, one click from the list behind it', async () => {
    const page = await signedIn(chromium.browser, server, 'chutri');
    await page.getByRole('menuitem', { name: 'Tổng quan nhiệm vụ' }).click();
    await page.getByRole('heading', { name: 'Tổng quan nhiệm vụ', level: 1 }).waitFor();
    const tile = page.locator('.ant-card').filter({ hasText: /^Quá hạn\d+$/ });
    const link = tile.getByRole('link');
    const count = Number(await link.innerText());
    expect(count).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, 'the chair’s overview');
    await screenshot(page, 'tasks-loop-3-overview');
    await link.click();
    await page.waitForURL(/\/app\/tasks\?/);
    const query = new URL(page.url()).searchParams;
    expect(query.get('overdue')).toBe('1');
    // The list behind the figure: the same tasks, the overdue one of the demo among them.
    const chair = await apiAs(server.app, 'chutri');
    const list = await chair<{ items: TaskRow[]; total: number }>(
      'GET',
      `/tasks?convenerId=${query.get('convenerId')}&overdue=true`,
    );
    expect(list.total).toBe(count);
    expect(list.items.every((t) => t.overdue)).toBe(true);
    await page.getByText('Theo số liệu của Tổng quan nhiệm vụ').waitFor();
    for (const t of list.items) await page.getByRole('link', { name: t.title }).waitFor();
    await screenshot(page, 'tasks-loop-4-overdue-list');
    await page.context().close();
  });

  it('shows Hội LHPN’s reporter the new tasks in the bell', async () => {
    const page = await signedIn(chromium.browser, server, 'phunu.tonghop');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toMatch(/^\d+ thông báo chưa đọc$/);
    await bell.click();
    const list = page.getByRole('list', { name: 'Thông báo' });
    await list.getByRole('button', { name: `Nhiệm vụ mới: ${SECOND}` }).waitFor();
    const first = list.getByRole('button', { name: `Nhiệm vụ mới: ${FIRST}` });
    await first.click();
    await page.waitForURL(new RegExp(`/app/tasks/${taskIds[0]}$`));
    await page.getByText(NOTE).waitFor();
    await page.context().close();
  });

  it('lets an editor draft the meeting’s article and publish it', async () => {
    const editor = await signedIn(chromium.browser, server, 'bientap');
    await editor.goto(`${server.url}/app/portal/articles`);
    await editor.getByRole('button', { name: 'Soạn từ hội nghị' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Soạn bài viết từ hội nghị đã kết luận' });
    await dialog.getByRole('button', { name: `Soạn bài viết về ${Q4_MEETING}` }).click();
    await editor.waitForURL(/\/app\/portal\/articles\/\d+$/);
    await editor.getByText('Trạng thái: Bản nháp · Lượt xem: 0').waitFor();
    const body = editor.getByRole('textbox', { name: 'Nội dung' });
    expect(await body.innerText()).toContain('Gia đình 5 không, 3 sạch');
    await editor.getByRole('button', { name: 'Đăng ngay' }).click();
    await editor.getByText('Trạng thái: Đã đăng · Lượt xem: 0').waitFor();
    await screenshot(editor, 'tasks-loop-4-article');
    await editor.context().close();
  });
});
