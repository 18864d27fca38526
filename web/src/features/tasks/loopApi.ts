import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { putJson } from '../reports/api';
import type * as loop from '../../../../src/tasks/report-answers.schema.ts';

/* The loop's API types, from the server's schemas (type-only). */
export type ReportTaskAnswers = loop.ReportTaskAnswers;
export type ReportTaskItem = loop.ReportTaskItem;
export type LoopUpdate = loop.LoopUpdate;
export type AnswerInput = loop.SaveReportAnswersBody['answers'][number];
export type TaskFollowUp = loop.TaskFollowUp;
export type FollowUpItem = loop.FollowUpItem;

const key = (reportId: number) => ['tasks', 'report-answers', reportId] as const;

/** The report form's tasks; `stamp` (the report's state) refetches them after a move. */
export function useReportAnswers(reportId: number, stamp: string | undefined) {
  return useQuery({
    queryKey: [...key(reportId), stamp],
    enabled: stamp !== undefined,
    queryFn: () => api.get<ReportTaskAnswers>(`/tasks/report-answers/${reportId}`),
  });
}

export function useSaveReportAnswers(reportId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: AnswerInput[]) =>
      putJson<ReportTaskAnswers>(`/tasks/report-answers/${reportId}`, { answers }),
    // The answer is the saved form: it replaces what the form was loaded from.
    onSuccess: (saved) => queryClient.setQueriesData({ queryKey: key(reportId) }, saved),
  });
}

export function useFollowUp(meetingId: number) {
  return useQuery({
    queryKey: ['tasks', 'follow-up', meetingId],
    queryFn: () => api.get<TaskFollowUp>(`/tasks/follow-up/${meetingId}`),
  });
}
