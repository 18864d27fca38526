import { loadMeetingsDemo } from '../meetings/meetings.demo.ts';
import { loadPortalDemo } from '../portal/portal.demo.ts';
import { loadReportsDemo } from '../reports/reports.demo.ts';
import { loadLoopDemo } from '../tasks/loop.demo.ts';
import { loadTasksDemo } from '../tasks/tasks.demo.ts';
import type { DemoContext } from './demo-context.ts';

export type { DemoContext };

/** Loads the demo data of the features beyond units and accounts, in dependency order. */
export async function loadFeatureDemos(ctx: DemoContext): Promise<void> {
  await loadReportsDemo(ctx);
  await loadMeetingsDemo(ctx);
  await loadTasksDemo(ctx);
  await loadLoopDemo(ctx);
  await loadPortalDemo(ctx);
}
