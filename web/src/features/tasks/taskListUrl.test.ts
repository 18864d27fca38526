import { describe, expect, it } from 'vitest';
import { overviewFiltersOf, taskListFilterOf, taskListPath } from './taskListUrl';

describe('the task list’s address', () => {
  it('writes a filter with TaskQuery’s names and reads the same filter back', () => {
    const filter = {
      convenerId: 1,
      unitId: 4,
      role: 'lead' as const,
      state: ['not_started' as const, 'in_progress' as const],
      deadlineFrom: '2017-12-23',
      deadlineTo: '2018-01-06',
      late: false,
      overdue: true,
    };
    const path = taskListPath(filter);
    expect(path).toBe(
      '/tasks?convenerId=1&unitId=4&role=lead&state=not_started&state=in_progress&deadlineFrom=2017-12-23&deadlineTo=2018-01-06&late=0&overdue=1',
    );
    expect(taskListFilterOf(new URLSearchParams(path.split('?')[1]))).toEqual(filter);
  });

  it('leaves out what is not a filter or not well formed', () => {
    expect(
      taskListFilterOf(new URLSearchParams('unitId=abc&role=boss&doneFrom=23/12/2017&page=2&x=1')),
    ).toEqual({});
  });

  it('picks out the filters only the overview sets', () => {
    const params = new URLSearchParams('convenerId=1&unitId=4&role=lead&late=1&overdue=1');
    expect(overviewFiltersOf(params)).toEqual({ convenerId: 1, role: 'lead', late: true });
  });
});
