import type { Dispatch, SetStateAction } from 'react';
import { Button, Card, Flex, Input, InputNumber, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Report, ReportContent } from './api';
import { useReportsI18n } from './i18n';
import { formatNumber } from './shared';

interface Props {
  report: Report;
  content: ReportContent;
  setContent: Dispatch<SetStateAction<ReportContent>>;
  errors: Record<string, string>;
}

/** The indicator values of a quarter's report. */
export function IndicatorValues({ report, content, setContent, errors }: Props) {
  const { t } = useReportsI18n();
  const valueOf = (id: number) => content.values.find((v) => v.indicatorId === id)?.value ?? null;
  const setValue = (id: number, value: number | null) =>
    setContent((c) => ({
      ...c,
      values: c.values.some((v) => v.indicatorId === id)
        ? c.values.map((v) => (v.indicatorId === id ? { ...v, value } : v))
        : [...c.values, { indicatorId: id, value }],
    }));
  return (
    <Card title={t('report.indicators')} size="small">
      {report.indicators.length === 0 ? (
        <Typography.Text type="secondary">{t('report.indicators.none')}</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="indicatorId"
          dataSource={report.indicators}
          columns={[
            { title: t('report.code'), dataIndex: 'code', width: 120 },
            { title: t('common.indicator'), dataIndex: 'name' },
            { title: t('report.measure'), dataIndex: 'measure', width: 110 },
            {
              title: t('report.value'),
              width: 170,
              render: (_: unknown, row: Report['indicators'][number], index: number) =>
                report.editable ? (
                  <>
                    <InputNumber
                      aria-label={`${t('report.value')}: ${row.name}`}
                      value={valueOf(row.indicatorId)}
                      min={row.allowNegative ? undefined : 0}
                      decimalSeparator=","
                      style={{ width: '100%' }}
                      onChange={(v) => setValue(row.indicatorId, typeof v === 'number' ? v : null)}
                    />
                    {errors[`values.${index}.value`] && (
                      <Typography.Text type="danger">
                        {errors[`values.${index}.value`]}
                      </Typography.Text>
                    )}
                  </>
                ) : (
                  formatNumber(row.value)
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** Proposals to the committee: each becomes a record the committee answers. */
export function ProposalsEditor({ report, content, setContent, errors }: Props) {
  const { t } = useReportsI18n();
  const answers = new Map(report.proposals.map((p) => [p.id, p]));
  const setText = (i: number, text: string) =>
    setContent((c) => ({
      ...c,
      proposals: c.proposals.map((p, j) => (j === i ? { ...p, text } : p)),
    }));
  return (
    <Card title={t('report.proposals')} size="small">
      <Flex vertical gap={8}>
        {content.proposals.map((p, i) => {
          const answered = p.id !== undefined ? answers.get(p.id) : undefined;
          const label = t('report.proposal', { n: i + 1 });
          return (
            <div key={p.id ?? `new-${i}`}>
              <Flex gap={8}>
                <Input.TextArea
                  aria-label={label}
                  autoSize={{ minRows: 1, maxRows: 6 }}
                  value={p.text}
                  readOnly={!report.editable || Boolean(answered?.answer)}
                  onChange={(e) => setText(i, e.target.value)}
                />
                {report.editable && !answered?.answer && (
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={`${t('report.proposal.remove')} ${i + 1}`}
                    onClick={() =>
                      setContent((c) => ({
                        ...c,
                        proposals: c.proposals.filter((_, j) => j !== i),
                      }))
                    }
                  />
                )}
              </Flex>
              {errors[`proposals.${i}.text`] && (
                <Typography.Text type="danger">{errors[`proposals.${i}.text`]}</Typography.Text>
              )}
              {answered?.answer && (
                <Typography.Paragraph type="success" style={{ margin: '4px 0 0' }}>
                  {t('report.proposal.answer', { answer: answered.answer })}
                </Typography.Paragraph>
              )}
            </div>
          );
        })}
        {report.editable && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setContent((c) => ({ ...c, proposals: [...c.proposals, { text: '' }] }))}
          >
            {t('report.proposal.add')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
