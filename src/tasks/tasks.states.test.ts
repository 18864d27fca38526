import { describe, expect, it } from 'vitest';
import {
  TASK_ACTIONS,
  TASK_STATES,
  checkTaskTransition,
  isOpenTask,
  taskActionsFrom,
  type TaskAction,
  type TaskState,
} from './tasks.states.ts';

describe('task transitions', () => {
  it('follows the table: the work, the report, acceptance or return', () => {
    expect(checkTaskTransition('not_started', 'start')).toEqual({
      ok: true,
      to: 'in_progress',
      by: 'lead',
    });
    expect(checkTaskTransition('in_progress', 'report_done')).toMatchObject({
      to: 'reported_done',
      by: 'lead',
    });
    expect(checkTaskTransition('reported_done', 'accept')).toMatchObject({
      to: 'accepted',
      by: 'secretariat',
    });
    expect(checkTaskTransition('reported_done', 'return', 'Thiếu số liệu')).toMatchObject({
      to: 'returned',
      by: 'secretariat',
    });
    expect(checkTaskTransition('returned', 'resume')).toMatchObject({
      to: 'in_progress',
      by: 'lead',
    });
  });

  it('needs a comment to return and a reason to cancel', () => {
    expect(checkTaskTransition('reported_done', 'return')).toEqual({
      ok: false,
      reason: 'comment_required',
    });
    expect(checkTaskTransition('reported_done', 'return', '   ')).toEqual({
      ok: false,
      reason: 'comment_required',
    });
    expect(checkTaskTransition('in_progress', 'cancel', '')).toEqual({
      ok: false,
      reason: 'comment_required',
    });
  });

  it('cancels from every open state, and nothing leaves accepted or cancelled', () => {
    for (const s of ['not_started', 'in_progress', 'reported_done', 'returned'] as const) {
      expect(isOpenTask(s)).toBe(true);
      expect(checkTaskTransition(s, 'cancel', 'Không còn phù hợp')).toMatchObject({
        ok: true,
        to: 'cancelled',
      });
    }
    for (const s of ['accepted', 'cancelled'] as const) {
      expect(isOpenTask(s)).toBe(false);
      expect(taskActionsFrom(s)).toEqual([]);
      for (const a of TASK_ACTIONS)
        expect(checkTaskTransition(s, a, 'x')).toEqual({ ok: false, reason: 'wrong_state' });
    }
  });

  it('allows exactly these pairs', () => {
    const allowed: Record<TaskState, TaskAction[]> = {
      not_started: ['start', 'cancel'],
      in_progress: ['report_done', 'cancel'],
      reported_done: ['accept', 'return', 'cancel'],
      returned: ['resume', 'cancel'],
      accepted: [],
      cancelled: [],
    };
    for (const s of TASK_STATES) {
      expect(taskActionsFrom(s)).toEqual(allowed[s]);
      for (const a of TASK_ACTIONS)
        expect(checkTaskTransition(s, a, 'x').ok, `${s} ${a}`).toBe(allowed[s].includes(a));
    }
  });
});
