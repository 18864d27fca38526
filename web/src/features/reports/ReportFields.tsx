import { useState, type Dispatch, type SetStateAction } from 'react';
import { Button, Card, Flex, Input, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  FAR_FACTOR,
  formatNumberExact,
  formatWhileTyping,
  isFar,
  numberMessage,
  parseFigure,
  parseNumber,
} from '../../../../src/text/numbers.ts';
import type { Report, ReportContent } from './api';
import { useReportsI18n } from './i18n';
import { useFormatNumber } from './shared';

type IndicatorRow = Report['indicators'][number];

/** Why a figure's text cannot be saved, in the page's language; null when it can. */
export function useFigureProblem() {
  const { t, lang } = useReportsI18n();
  return (row: IndicatorRow, text: string): string | null => {
    const parsed = parseFigure(text, row.measure);
    if (!parsed.ok) return numberMessage(parsed.rule, parsed.params, lang);
    if (parsed.value !== null && parsed.value < 0 && !row.allowNegative)
      return t('report.value.negative');
    return null;
  };
}

/**
 * A figure typed the Vietnamese way, shown grouped while typing (1.234.567); read by the same
 * function as the Excel upload and the API (src/text/numbers.ts). Text that is not a number
 * stays as typed with its message, and is reported through onText so the page refuses to save.
 */
function FigureInput({
  row,
  value,
  label,
  onValue,
  onText,
}: {
  row: IndicatorRow;
  value: number | null;
  label: string;
  onValue: (value: number | null) => void;
  onText: (text: string) => void;
}) {
  const { t } = useReportsI18n();
  const formatNumber = useFormatNumber();
  const problemOf = useFigureProblem();
  const [text, setText] = useState(() => (value === null ? '' : formatNumberExact(value)));
  // A value set from outside (a reload, the server's answer, a restored draft) replaces the text.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    const typed = parseNumber(text);
    if (!(typed.ok && typed.value === value))
      setText(value === null ? '' : formatNumberExact(value));
  }
  const problem = problemOf(row, text);
  const parsed = parseNumber(text);
  const far = !problem && parsed.ok && isFar(parsed.value, row.farAbove);
  return (
    <>
      <Input
        aria-label={label}
        inputMode="decimal"
        value={text}
        status={problem ? 'error' : far ? 'warning' : undefined}
        style={{ width: '100%', textAlign: 'right' }}
        onChange={(e) => {
          const next = formatWhileTyping(e.target.value, text);
          setText(next);
          onText(next);
          const figure = parseFigure(next, row.measure);
          if (figure.ok) onValue(figure.value);
        }}
      />
      {problem ? (
        <Typography.Text type="danger">{problem}</Typography.Text>
      ) : (
        far && (
          <Typography.Text type="warning">
            {t('report.value.far', {
              factor: FAR_FACTOR,
              limit: formatNumber(row.farAbove),
            })}
          </Typography.Text>
        )
      )}
    </>
  );
}

interface Props {
  report: Report;
  content: ReportContent;
  setContent: Dispatch<SetStateAction<ReportContent>>;
  errors: Record<string, string>;
}

/** The indicator values of a quarter's report. */
export function IndicatorValues({
  report,
  content,
  setContent,
  errors,
  onText,
}: Props & { onText: (indicatorId: number, text: string) => void }) {
  const { t } = useReportsI18n();
  const formatNumber = useFormatNumber();
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
              render: (_: unknown, row: IndicatorRow, index: number) =>
                report.editable ? (
                  <>
                    <FigureInput
                      row={row}
                      label={`${t('report.value')}: ${row.name}`}
                      value={valueOf(row.indicatorId)}
                      onValue={(v) => setValue(row.indicatorId, v)}
                      onText={(text) => onText(row.indicatorId, text)}
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
