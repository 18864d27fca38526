import { useMemo, useState } from 'react';
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
import { Button, Card, Col, Flex, InputNumber, Row, Select, Table, Tag, Typography } from 'antd';
import { yearFraction } from '../../../../src/reports/progress-math';
import { useUnits } from '../../api/units';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { progressRows, useIndicators, useProgress, type ProgressRow } from './api';
import { useReportsI18n } from './i18n';
import { chartColors } from '../../theme';
import { ProgressTag, TAG_COLORS, formatDay, useFormatNumber } from './shared';

/** An axis label cut to what fits beside the bars; the tooltip and the table keep the whole name. */
function shortLabel(name: string, max = 30): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

/** Progress of the year's targets: a chart and the table beside it, filtered by year, unit, indicator. */
export default function ProgressPage() {
  const { t } = useReportsI18n();
  const formatNumber = useFormatNumber();
  const [year, setYear] = useState(2017);
  const [unitId, setUnitId] = useState<number | undefined>();
  const [indicatorId, setIndicatorId] = useState<number | undefined>();
  const units = useUnits();
  const indicators = useIndicators();
  const byUnit = indicatorId !== undefined || unitId !== undefined;
  // The whole bloc's view shows only the totals: it does not ask for every unit's rows.
  const progress = useProgress({ year, unitId, indicatorId, view: byUnit ? 'all' : 'totals' });
  const data = progress.data;
  const rows = useMemo(
    () => (data ? progressRows(data, byUnit ? 'rows' : 'totals') : []),
    [data, byUnit],
  );
  const drafts = useMemo(() => (data ? progressRows(data, 'drafts') : []), [data]);
  const expectedPct = data ? Math.round(data.fraction * 1000) / 10 : 0;
  const chartData = rows.map((r) => ({
    name: indicatorId !== undefined ? (r.unitName ?? '') : r.name,
    [t('progress.percent')]: r.percent ?? 0,
  }));
  const columns = (draft: boolean) => [
    ...(byUnit || draft
      ? [
          {
            title: t('common.unit'),
            key: 'unit',
            render: (_: unknown, r: ProgressRow) => (
              <>
                {r.unitName}
                {draft && (
                  <Tag color={TAG_COLORS.amber} style={{ marginLeft: 6 }}>
                    {t('progress.draft.tag')}
                  </Tag>
                )}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.unitAsOf
                    ? t('progress.unitAsOf', { date: formatDay(r.unitAsOf) })
                    : t('progress.unitNone')}
                </Typography.Text>
              </>
            ),
          },
        ]
      : []),
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
  const onlyUnit = unitId !== undefined ? data?.units.find((u) => u.id === unitId) : undefined;
  let asOfLine = '';
  if (data && onlyUnit)
    asOfLine = onlyUnit.asOf
      ? t('progress.asOf.unit', {
          name: onlyUnit.name,
          date: formatDay(onlyUnit.asOf),
          percent: formatNumber(Math.round(yearFraction(year, onlyUnit.asOf) * 1000) / 10),
        })
      : t('progress.unitNone');
  else if (data)
    asOfLine = data.asOf
      ? t('progress.asOf', {
          date: formatDay(data.asOf),
          covered: data.coverage.covered,
          units: data.coverage.units,
          percent: formatNumber(expectedPct),
        })
      : t('progress.asOf.none');
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
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('progress.rule')}
      </Typography.Paragraph>
      {data && <Typography.Paragraph data-testid="progress-as-of">{asOfLine}</Typography.Paragraph>}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('progress.chart')}>
            <div
              role="img"
              aria-label={t('progress.chart')}
              style={{ width: '100%', height: Math.max(260, chartData.length * 40 + 70) }}
            >
              <ResponsiveContainer>
                <BarChart data={chartData} layout="vertical" margin={{ left: 20, right: 20 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke={chartColors.grid} />
                  <XAxis
                    type="number"
                    unit="%"
                    tickFormatter={(v: number) => formatNumber(v)}
                    domain={[0, (max: number) => Math.max(100, Math.ceil(max / 10) * 10)]}
                  />
                  <YAxis
                    type="category"
                    dataKey="name"
                    width={190}
                    interval={0}
                    tick={{ fontSize: 12 }}
                    tickFormatter={(name: string) => shortLabel(name)}
                  />
                  <Tooltip formatter={(v) => `${formatNumber(Number(v))}%`} />
                  <Legend />
                  <ReferenceLine
                    x={expectedPct}
                    stroke={chartColors.expected}
                    strokeDasharray="4 4"
                    label={{ value: t('progress.expected'), position: 'top', fontSize: 11 }}
                  />
                  <ReferenceLine x={100} stroke={chartColors.target} />
                  <Bar dataKey={t('progress.percent')} fill={chartColors.bar} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={byUnit ? undefined : t('progress.total')}>
            <Table
              size="small"
              rowKey="key"
              loading={progress.isLoading}
              dataSource={rows}
              columns={columns(false)}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: true }}
            />
          </Card>
        </Col>
      </Row>
      {drafts.length > 0 && (
        <Card
          size="small"
          style={{ marginTop: 12, borderColor: TAG_COLORS.amber }}
          title={t('progress.draft.title')}
        >
          <Typography.Paragraph type="secondary">{t('progress.draft.note')}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="key"
            dataSource={drafts}
            columns={columns(true)}
            pagination={false}
            scroll={{ x: true }}
          />
        </Card>
      )}
    </>
  );
}
