import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  expectNoSeriousA11yViolations,
  launchBrowser,
  screenshot,
  signedIn,
  startApp,
  type RunningApp,
  type RunningBrowser,
} from './harness.ts';

/*
 * Tasks in Chromium, on the demo (its calendar: 23/12/2017): the Quý IV/2017 meeting is held
 * and concluded with two directives through the API; the chair turns them into tasks on the
 * meeting's Tasks tab, the first edited before it is issued; Hội LHPN's reporter reports the
 * first one done with a note and a percent; the secretariat sees the update on the task page
 * and accepts it.
 */

const EDITED_TITLE = 'Mở 3 lớp dạy nghề may công nghiệp cho hội viên phụ nữ';
const NOTE = 'Đã mở 3 lớp may công nghiệp với 96 học viên; 81 người có việc làm sau khóa học.';

interface Meeting {
  id: number;
  version: number;
}

describe('tasks in Chromium', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  let page: Page | undefined;
  let meetingId: number;

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp({ demoCalendar: true }), launchBrowser()]);
    const secretary = await apiAs(server.app, 'vanphong');
    const chair = await apiAs(server.app, 'chutri');
    const units = await secretary<{ items: { id: number; shortName: string | null }[] }>(
      'GET',
      '/units',
    );
    const unit = (short: string) => units.items.find((u) => u.shortName === short)!.id;
    const { items } = await secretary<{ items: (Meeting & { title: string })[] }>(
      'GET',
      '/meetings',
    );
    const q4 = items.find((m) => m.title.includes('Quý IV/2017'))!;
    meetingId = q4.id;
    const started = await secretary<Meeting>('POST', `/meetings/${q4.id}/transitions`, {
      version: q4.version,
      action: 'start',
    });
    const conclusion = await chair<{ version: number }>('GET', `/meetings/${q4.id}/conclusion`);
    await chair('PUT', `/meetings/${q4.id}/conclusion`, {
      version: conclusion.version,
      directives: [
        {
          text: 'Hội LHPN mở lớp dạy nghề cho phụ nữ nông thôn.',
          leadUnitId: unit('Hội LHPN'),
          deadline: '2018-03-31',
        },
        {
          text: 'Thị đoàn tổ chức chương trình Xuân tình nguyện 2018.',
          leadUnitId: unit('Thị đoàn'),
          coordinatingUnitIds: [unit('Hội LHPN')],
          deadline: '2018-02-10',
        },
      ],
    });
    const current = await chair<Meeting>('GET', `/meetings/${q4.id}`);
    expect(current.version).toBeGreaterThanOrEqual(started.version);
    await chair('POST', `/meetings/${q4.id}/transitions`, {
      version: current.version,
      action: 'conclude',
    });
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && page && !page.isClosed())
      await screenshot(page, 'tasks-failed');
    await page?.context().close();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('the chair turns two directives into tasks, the first edited before it is issued', async () => {
    page = await signedIn(chromium.browser, server, 'chutri');
    await page.goto(`${server.url}/app/meetings/${meetingId}?tab=tasks`);
    await page.getByRole('button', { name: 'Sửa và giao' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên nhiệm vụ').fill(EDITED_TITLE);
    await dialog.getByLabel('Kết quả cần đạt').fill('Ít nhất 80% học viên có việc làm.');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page!.getByText(/Đã giao: nhiệm vụ #/).count()).toBe(1);
    await page.getByRole('button', { name: 'Giao nhiệm vụ', exact: true }).click();
    await expect.poll(() => page!.getByText(/Đã giao: nhiệm vụ #/).count()).toBe(2);
    await expectNoSeriousA11yViolations(page, 'the meeting’s Tasks tab');

    const tasks = await server.db
      .selectFrom('tasks')
      .select(['title', 'state', 'expected_result'])
      .where('source_meeting_id', '=', meetingId)
      .orderBy('id')
      .execute();
    expect(tasks).toEqual([
      {
        title: EDITED_TITLE,
        state: 'not_started',
        expected_result: 'Ít nhất 80% học viên có việc làm.',
      },
      {
        title: 'Thị đoàn tổ chức chương trình Xuân tình nguyện 2018.',
        state: 'not_started',
        expected_result: '',
      },
    ]);
  });

  it('Hội LHPN’s reporter reports the task done; the secretariat sees the update and accepts it', async () => {
    page = await signedIn(chromium.browser, server, 'phunu.tonghop');
    await page.goto(`${server.url}/app/tasks?meetingId=${meetingId}`);
    await page.getByRole('link', { name: EDITED_TITLE }).click();
    await page.getByLabel('Nội dung').fill(NOTE);
    await page.getByLabel('Tỷ lệ hoàn thành (%)').fill('100');
    await page.getByLabel('Báo cáo nhiệm vụ đã hoàn thành').check();
    await page.getByRole('button', { name: 'Gửi cập nhật' }).click();
    await page.getByText('Đã báo cáo hoàn thành', { exact: true }).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the task page of the lead unit');
    await page.context().close();

    page = await signedIn(chromium.browser, server, 'vanphong');
    await page.goto(`${server.url}/app/tasks?state=reported_done`);
    await page.getByRole('link', { name: EDITED_TITLE }).click();
    await page.getByText(NOTE).waitFor();
    await expect.poll(() => page!.getByText('100%', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Công nhận hoàn thành' }).click();
    await page.getByText('Đã hoàn thành', { exact: true }).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the task page of the secretariat');
    const task = await server.db
      .selectFrom('tasks')
      .select('state')
      .where('title', '=', EDITED_TITLE)
      .executeTakeFirstOrThrow();
    expect(task.state).toBe('accepted');
  });
});
