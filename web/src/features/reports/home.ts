import type { Todo } from '../../api/todo';
import type { ReportState } from './api';

/** The reports' part of `GET /api/v1/me/todo` (src/reports/todo.service.ts). */
export interface ReportTodoItem {
  reportId: number;
  periodId: number;
  periodName: string;
  unitId: number;
  unitName: string;
  state: ReportState;
  deadline: string;
  daysLeft: number;
  overdue: boolean;
  comment: string | null;
  commentByName: string | null;
}

export interface ReportsTodo {
  toWrite: ReportTodoItem[];
  toApprove: ReportTodoItem[];
  reminders: {
    reportId: number;
    periodId: number;
    periodName: string;
    unitName: string;
    message: string;
    sentByName: string | null;
    at: string;
  }[];
  boards: {
    periodId: number;
    periodName: string;
    deadline: string;
    overdue: boolean;
    units: number;
    sent: number;
    late: number;
    missing: number;
    toReview: number;
  }[];
  proposals: {
    total: number;
    items: {
      id: number;
      text: string;
      reportId: number;
      unitName: string;
      periodId: number;
      periodName: string;
    }[];
  };
}

export const reportsTodoOf = (todo: Todo) => todo.reports as ReportsTodo | undefined;

export function countReportsTodo(todo: Todo): number {
  const part = reportsTodoOf(todo);
  if (!part) return 0;
  return (
    part.toWrite.length +
    part.toApprove.length +
    part.reminders.length +
    part.boards.length +
    part.proposals.total
  );
}
