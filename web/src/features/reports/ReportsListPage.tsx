import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Typography } from 'antd';
import { ListPage } from '../../components/ListPage';
import { formatDateTime } from '../../format';
import { useReportList, type ReportSummary } from './api';
import { useReportsI18n } from './i18n';
import { PeriodFilter, StateTag, formatDay, usePeriodNameById } from './shared';

/** The reports the user may read: their unit's, or every unit's for the secretariat. */
export default function ReportsListPage() {
  const { t } = useReportsI18n();
  const [periodId, setPeriodId] = useState<number | undefined>();
  const list = useReportList(periodId);
  const periodName = usePeriodNameById();
  return (
    <ListPage<ReportSummary>
      title={t('reports.title')}
      filters={<PeriodFilter id="reports-period" value={periodId} onChange={setPeriodId} />}
      query={list}
      rows={list.data}
      rowKey="id"
      emptyText={t('reports.empty')}
      // A period's reports, one per unit, on one page.
      pageSize={50}
      columns={[
        {
          title: t('common.period'),
          dataIndex: 'periodName',
          render: (name: string, r) => periodName(r.periodId, name),
        },
        {
          title: t('common.unit'),
          dataIndex: 'unitName',
          render: (name: string, r) => <Link to={`/reports/${r.id}`}>{name}</Link>,
        },
        {
          title: t('common.state'),
          render: (_: unknown, r) => (
            <>
              <StateTag state={r.state} />
              {r.late && <Typography.Text type="danger">{t('common.late')}</Typography.Text>}
            </>
          ),
        },
        { title: t('common.deadline'), dataIndex: 'deadline', render: formatDay },
        {
          title: t('reports.submittedAt'),
          dataIndex: 'submittedAt',
          render: (v: string | null) => formatDateTime(v),
        },
      ]}
    />
  );
}
