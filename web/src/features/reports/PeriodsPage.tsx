import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { api, isApiError } from '../../api';
import { showFieldErrors } from '../../forms';
import { useCurrentUser } from '../../api/auth';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { usePeriods, useReportsRefresh, useTemplates, type Period, type PeriodKind } from './api';
import { useReportsI18n } from './i18n';
import { TAG_COLORS, formatDay, usePeriodLabel } from './shared';

const KINDS: PeriodKind[] = ['quarter', 'half', 'nine_months', 'year'];
const COUNT: Record<PeriodKind, number> = { quarter: 4, half: 2, nine_months: 1, year: 1 };

interface Defaults {
  name: string;
  dataFrom: string;
  cutoffDate: string;
  deadline: string;
}

/** Opens a period: kind and number, dates proposed by the settings' rule, the template. */
function NewPeriodModal({ unitId, onClose }: { unitId: number; onClose: () => void }) {
  const { t } = useReportsI18n();
  const { message } = App.useApp();
  const refresh = useReportsRefresh();
  const templates = useTemplates();
  const label = usePeriodLabel();
  const [form] = Form.useForm();
  const kind = Form.useWatch<PeriodKind | undefined>('kind', form);
  const year = Form.useWatch<number | undefined>('year', form);
  const number = Form.useWatch<number | undefined>('number', form);
  const [defaults, setDefaults] = useState<Defaults | null>(null);
  useEffect(() => {
    if (!kind || !year || !number) return;
    api
      .get<Defaults>('/periods/defaults', { kind, year, number })
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
  const submit = async (values: Record<string, unknown>) => {
    const day = (v: unknown) => (dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : undefined);
    try {
      const period = await api.post<Period>('/periods', {
        unitId,
        kind: values.kind,
        year: values.year,
        number: values.number,
        templateId: values.templateId,
        dataFrom: day(values.dataFrom),
        cutoffDate: day(values.cutoffDate),
        deadline: day(values.deadline),
      });
      message.success(t('periods.created', { name: label(period) }));
      await refresh();
      onClose();
    } catch (error) {
      showFieldErrors(form, error);
      if (isApiError(error)) void message.error(error.message);
    }
  };
  return (
    <Modal
      open
      title={t('periods.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: Record<string, unknown>) => void submit(v)}
        initialValues={{
          kind: 'quarter',
          year: new Date().getFullYear(),
          number: 1,
          templateId: templates.data?.[0]?.id,
        }}
      >
        <Space wrap>
          <Form.Item name="kind" label={t('periods.kind')} rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="number" label={t('periods.number')} rules={[{ required: true }]}>
            <InputNumber min={1} max={kind ? COUNT[kind] : 4} />
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
      </Form>
    </Modal>
  );
}

export default function PeriodsPage() {
  const { t } = useReportsI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const periods = usePeriods();
  const refresh = useReportsRefresh();
  const label = usePeriodLabel();
  const [creating, setCreating] = useState(false);
  const secretariatUnit = user.roles.find((r) => r.role === 'secretariat')?.unitId;
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await refresh();
    } catch (error) {
      if (isApiError(error)) message.error(error.message);
    }
  };
  return (
    <>
      <PageHeader
        title={t('periods.title')}
        actions={
          secretariatUnit !== undefined && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('periods.new')}
            </Button>
          )
        }
      />
      <Card size="small">
        {periods.error ? (
          <QueryError error={periods.error} onRetry={() => void periods.refetch()} />
        ) : (
          <Table<Period>
            size="small"
            rowKey="id"
            loading={periods.isLoading}
            dataSource={periods.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
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
                      <Button
                        size="small"
                        onClick={() => void run(() => api.post(`/periods/${p.id}/next`))}
                      >
                        {t('periods.next')}
                      </Button>
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
          />
        )}
      </Card>
      {creating && secretariatUnit !== undefined && (
        <NewPeriodModal unitId={secretariatUnit} onClose={() => setCreating(false)} />
      )}
    </>
  );
}
