import { labelsFrom, type AuditDetailLabels } from '../types';
import type { ReportState } from './api';
import { reportsDictionaries, type ReportsKey } from './i18n';

const STATES: ReportState[] = ['draft', 'awaiting_approval', 'submitted', 'accepted', 'returned'];

/** The audit log's words for the reporting feature's details: what its own pages call them. */
export const auditDetailLabels: AuditDetailLabels = {
  field: labelsFrom(reportsDictionaries, {
    'report.state': 'common.state',
    'report.comment': 'common.comment',
    'report.late': 'common.late',
    'period.status': 'common.state',
  }),
  value: labelsFrom(reportsDictionaries, {
    ...Object.fromEntries(STATES.map((s) => [`report.state.${s}`, `state.${s}` as ReportsKey])),
    'period.status.open': 'periods.status.open',
    'period.status.closed': 'periods.status.closed',
  }),
};
