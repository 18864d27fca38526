import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, DatePicker, Form, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { api } from '../../api';
import { useCurrentUser } from '../../api/auth';
import { FormDialog } from '../../components/FormDialog';
import { ListPage } from '../../components/ListPage';
import { useServerAction } from '../../hooks/useServerAction';
import {
  usePeriods,
  useReportsRefresh,
  useTemplates,
  type NewPeriod,
  type Period,
  type PeriodDefaults,
} from './api';
import { PERIOD_KINDS, canOpenNext, periodsPerYear } from './periodRules';
import { useReportsI18n } from './i18n';
import { TAG_COLORS, formatDay, usePeriodLabel } from './shared';

/** The form's dates are day pickers; the API takes YYYY-MM-DD. */
type NewPeriodValues = Pick<NewPeriod, 'kind' | 'year' | 'number' | 'templateId'> &
  Partial<Record<'dataFrom' | 'cutoffDate' | 'deadline', Dayjs>>;

/** Opens a period: kind and number, dates proposed by the settings' rule, the template. */
function NewPeriodModal({ unitId, onClose }: { unitId: number; onClose: () => void }) {
  const { t } = useReportsI18n();
  const { message } = App.useApp();
  const refresh = useReportsRefresh();
  const templates = useTemplates();
  const label = usePeriodLabel();
  const [form] = Form.useForm<NewPeriodValues>();
  const kind = Form.useWatch('kind', form);
  const year = Form.useWatch('year', form);
  const number = Form.useWatch('number', form);
  const [defaults, setDefaults] = useState<PeriodDefaults | null>(null);
  useEffect(() => {
    if (!kind || !year || !number) return;
    api
      .get<PeriodDefaults>('/periods/defaults', { kind, year, number })
      .then((d) => {
        setDefaults(d);
        form.setFieldsValue({
          dataFrom: dayjs(d.dataFrom),
          cutoffDate: dayjs(d.cutoffDate),
          deadline: dayjs(d.deadline),
        });
      })
      .catch(() => setDefaults(null));
  }, [kind, year, number, form]);
  const day = (v: Dayjs | undefined) => v?.format('YYYY-MM-DD');
  return (
    <FormDialog<NewPeriodValues, Period>
      title={t('periods.new')}
      form={form}
      initialValues={{
        kind: 'quarter',
        year: new Date().getFullYear(),
        number: 1,
        templateId: templates.data?.[0]?.id,
      }}
      submit={(values) =>
        api.post<Period>('/periods', {
          unitId,
          kind: values.kind,
          year: values.year,
          number: values.number,
          templateId: values.templateId,
          dataFrom: day(values.dataFrom),
          cutoffDate: day(values.cutoffDate),
          deadline: day(values.deadline),
        } satisfies NewPeriod)
      }
      onSaved={(period) => {
        void message.success(t('periods.created', { name: label(period) }));
        void refresh();
        onClose();
      }}
      onClose={onClose}
    >
      <Space wrap>
        <Form.Item name="kind" label={t('periods.kind')} rules={[{ required: true }]}>
          <Select
            style={{ width: 140 }}
            options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="number" label={t('periods.number')} rules={[{ required: true }]}>
          <InputNumber min={1} max={kind ? periodsPerYear(kind) : 4} />
        </Form.Item>
        <Form.Item name="year" label={t('common.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
      </Space>
      {defaults && kind && year && number && (
        <Typography.Paragraph strong>
          {label({ kind, year, number, name: defaults.name })}
        </Typography.Paragraph>
      )}
      <Form.Item name="templateId" label={t('periods.template')} rules={[{ required: true }]}>
        <Select options={(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="dataFrom" label={t('periods.dataFrom')}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="cutoffDate" label={t('periods.cutoff')}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="deadline" label={t('common.deadline')}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Space>
      <Typography.Text type="secondary">{t('periods.defaultsHint')}</Typography.Text>
    </FormDialog>
  );
}

export default function PeriodsPage() {
  const { t } = useReportsI18n();
  const user = useCurrentUser();
  const periods = usePeriods();
  const refresh = useReportsRefresh();
  const act = useServerAction();
  const label = usePeriodLabel();
  const [creating, setCreating] = useState(false);
  const secretariatUnit = user.roles.find((r) => r.role === 'secretariat')?.unitId;
  const run = (action: () => Promise<unknown>) => act(action, { refresh });
  return (
    <ListPage<Period>
      title={t('periods.title')}
      actions={
        secretariatUnit !== undefined && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('periods.new')}
          </Button>
        )
      }
      query={periods}
      rows={periods.data}
      rowKey="id"
      columns={[
        {
          title: t('common.period'),
          dataIndex: 'name',
          render: (_: string, p) => <Link to={`/periods/${p.id}`}>{label(p)}</Link>,
        },
        { title: t('periods.dataFrom'), dataIndex: 'dataFrom', render: formatDay },
        { title: t('periods.cutoff'), dataIndex: 'cutoffDate', render: formatDay },
        { title: t('common.deadline'), dataIndex: 'deadline', render: formatDay },
        { title: t('periods.units'), render: (_: unknown, p) => p.unitIds.length },
        {
          title: t('common.state'),
          dataIndex: 'status',
          render: (s: Period['status']) => (
            <Tag color={s === 'open' ? TAG_COLORS.blue : TAG_COLORS.grey}>
              {t(`periods.status.${s}`)}
            </Tag>
          ),
        },
        {
          title: '',
          render: (_: unknown, p) =>
            secretariatUnit !== undefined && (
              <Space>
                {canOpenNext(p, periods.data ?? []) && (
                  <Button
                    size="small"
                    onClick={() => void run(() => api.post(`/periods/${p.id}/next`))}
                  >
                    {t('periods.next')}
                  </Button>
                )}
                <Button
                  size="small"
                  onClick={() =>
                    void run(() =>
                      api.patch(`/periods/${p.id}`, {
                        version: p.version,
                        status: p.status === 'open' ? 'closed' : 'open',
                      }),
                    )
                  }
                >
                  {p.status === 'open' ? t('periods.close') : t('periods.reopen')}
                </Button>
              </Space>
            ),
        },
      ]}
    >
      {creating && secretariatUnit !== undefined && (
        <NewPeriodModal unitId={secretariatUnit} onClose={() => setCreating(false)} />
      )}
    </ListPage>
  );
}
