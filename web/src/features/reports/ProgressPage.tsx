import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Button, Card, Col, Flex, InputNumber, Row, Select, Table, Typography } from 'antd';
import { useUnits } from '../../api/units';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIndicators, useProgress, type ProgressRow } from './api';
import { useReportsI18n } from './i18n';
import { ProgressTag, formatDay, formatNumber } from './shared';

/** Progress of the year's targets: a chart and the table beside it, filtered by year, unit, indicator. */
export default function ProgressPage() {
  const { t } = useReportsI18n();
  const [year, setYear] = useState(2017);
  const [unitId, setUnitId] = useState<number | undefined>();
  const [indicatorId, setIndicatorId] = useState<number | undefined>();
  const units = useUnits();
  const indicators = useIndicators();
  const progress = useProgress({ year, unitId, indicatorId });
  const data = progress.data;
  const byUnit = indicatorId !== undefined || unitId !== undefined;
  const rows: ProgressRow[] = data ? (byUnit ? data.rows : data.totals) : [];
  const expectedPct = data ? Math.round(data.fraction * 1000) / 10 : 0;
  const chartData = rows.map((r) => ({
    name: indicatorId !== undefined ? (r.unitName ?? '') : r.code,
    [t('progress.percent')]: r.percent ?? 0,
  }));
  const columns = [
    ...(byUnit ? [{ title: t('common.unit'), dataIndex: 'unitName', key: 'unit' }] : []),
    {
      title: t('common.indicator'),
      key: 'ind',
      render: (_: unknown, r: ProgressRow) => `${r.name} (${r.measure})`,
    },
    {
      title: t('progress.actual'),
      dataIndex: 'actual',
      key: 'actual',
      align: 'right' as const,
      render: formatNumber,
    },
    {
      title: t('progress.target'),
      dataIndex: 'target',
      key: 'target',
      align: 'right' as const,
      render: formatNumber,
    },
    {
      title: t('progress.percent'),
      dataIndex: 'percent',
      key: 'percent',
      align: 'right' as const,
      render: formatNumber,
    },
    {
      title: t('progress.expected'),
      dataIndex: 'expected',
      key: 'expected',
      align: 'right' as const,
      render: formatNumber,
    },
    {
      title: t('progress.forecast'),
      dataIndex: 'forecast',
      key: 'forecast',
      align: 'right' as const,
      render: formatNumber,
    },
    {
      title: t('common.state'),
      key: 'status',
      render: (_: unknown, r: ProgressRow) => <ProgressTag status={r.status} />,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('progress.title')}
        actions={
          <Button href={`/api/v1/progress/export.xlsx?year=${year}`}>{t('progress.export')}</Button>
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <label htmlFor="progress-year">{t('common.year')}</label>
        <InputNumber
          id="progress-year"
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
        />
        <label htmlFor="progress-unit">{t('common.unit')}</label>
        <Select
          id="progress-unit"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 260 }}
          placeholder={t('common.all')}
          value={unitId}
          onChange={setUnitId}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <label htmlFor="progress-indicator">{t('common.indicator')}</label>
        <Select
          id="progress-indicator"
          allowClear
          style={{ minWidth: 300 }}
          placeholder={t('common.all')}
          value={indicatorId}
          onChange={setIndicatorId}
          options={(indicators.data ?? []).map((i) => ({
            value: i.id,
            label: `${i.code} · ${i.name}`,
          }))}
        />
      </Flex>
      {progress.error && (
        <QueryError error={progress.error} onRetry={() => void progress.refetch()} />
      )}
      {data && (
        <Typography.Paragraph type="secondary">
          {t('progress.asOf', { date: formatDay(data.asOf), percent: expectedPct })}
        </Typography.Paragraph>
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('progress.chart')}>
            <div
              role="img"
              aria-label={t('progress.chart')}
              style={{ width: '100%', height: Math.max(260, chartData.length * 28 + 60) }}
            >
              <ResponsiveContainer>
                <BarChart data={chartData} layout="vertical" margin={{ left: 20, right: 20 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis
                    type="number"
                    unit="%"
                    domain={[0, (max: number) => Math.max(100, Math.ceil(max / 10) * 10)]}
                  />
                  <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
                  <Tooltip />
                  <Legend />
                  <ReferenceLine
                    x={expectedPct}
                    stroke="#d4380d"
                    strokeDasharray="4 4"
                    label={{ value: t('progress.expected'), position: 'top', fontSize: 11 }}
                  />
                  <ReferenceLine x={100} stroke="#389e0d" />
                  <Bar dataKey={t('progress.percent')} fill="#1677ff" />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={byUnit ? undefined : t('progress.total')}>
            <Table
              size="small"
              rowKey={(r: ProgressRow) => `${r.unitId ?? 0}-${r.indicatorId}`}
              loading={progress.isLoading}
              dataSource={rows}
              columns={columns}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: true }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
