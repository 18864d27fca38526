import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
} from 'antd';
import { api, isApiError } from '../../api';
import { showFieldErrors } from '../../forms';
import { useUnits } from '../../api/units';
import { PageHeader } from '../../components/PageHeader';
import { putJson, reportsKey, useIndicators, useReportsRefresh, type Indicator } from './api';
import { useReportsI18n } from './i18n';

const AGGREGATIONS = ['sum', 'latest', 'max', 'average'] as const;

/** Adds an indicator to the shared catalog. */
function NewIndicatorModal({ onClose }: { onClose: () => void }) {
  const { t } = useReportsI18n();
  const { message } = App.useApp();
  const refresh = useReportsRefresh();
  const [form] = Form.useForm();
  const submit = async (values: Record<string, unknown>) => {
    try {
      await api.post('/indicators', { higherIsBetter: true, allowNegative: false, ...values });
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
      title={t('indicators.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: Record<string, unknown>) => void submit(v)}
        initialValues={{ aggregation: 'sum', higherIsBetter: true, allowNegative: false }}
      >
        <Form.Item name="code" label={t('report.code')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('common.indicator')} rules={[{ required: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="measure" label={t('report.measure')} rules={[{ required: true }]}>
          <Input maxLength={40} placeholder="người, triệu đồng, lớp, nhà, %" />
        </Form.Item>
        <Form.Item name="aggregation" label={t('indicators.aggregation')}>
          <Select options={AGGREGATIONS.map((a) => ({ value: a, label: t(`aggregation.${a}`) }))} />
        </Form.Item>
        <Space>
          <Form.Item
            name="higherIsBetter"
            label={t('indicators.higherIsBetter')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Form.Item
            name="allowNegative"
            label={t('indicators.allowNegative')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** The indicator catalog, and one unit's annual targets for a year. */
export default function IndicatorsPage() {
  const { t } = useReportsI18n();
  const { message } = App.useApp();
  const indicators = useIndicators();
  const units = useUnits();
  const refresh = useReportsRefresh();
  const [creating, setCreating] = useState(false);
  const [year, setYear] = useState(2017);
  const [unitId, setUnitId] = useState<number | undefined>();
  // Edits belong to the year and unit they were made for; otherwise the stored targets show.
  const [edits, setEdits] = useState<{ key: string; values: Record<number, number | null> }>({
    key: '',
    values: {},
  });
  const targets = useQuery({
    queryKey: [...reportsKey, 'targets', year, unitId ?? null],
    enabled: unitId !== undefined,
    queryFn: () =>
      api.get<{ items: { unitId: number; indicatorId: number; value: number }[] }>('/targets', {
        year,
        unitId,
      }),
  });
  const editKey = `${year}:${unitId ?? ''}`;
  const stored: Record<number, number | null> = Object.fromEntries(
    (targets.data?.items ?? []).map((i) => [i.indicatorId, i.value]),
  );
  const draft = edits.key === editKey ? { ...stored, ...edits.values } : stored;
  const setValue = (id: number, value: number | null) =>
    setEdits((e) => ({
      key: editKey,
      values: { ...(e.key === editKey ? e.values : {}), [id]: value },
    }));
  const save = async () => {
    if (unitId === undefined) return;
    try {
      await putJson('/targets', {
        year,
        items: (indicators.data ?? []).map((i) => ({
          unitId,
          indicatorId: i.id,
          value: draft[i.id] ?? null,
        })),
      });
      message.success(t('common.saved'));
      await refresh();
    } catch (error) {
      if (isApiError(error)) message.error(error.message);
    }
  };
  return (
    <>
      <PageHeader
        title={t('indicators.title')}
        actions={<Button onClick={() => setCreating(true)}>{t('indicators.new')}</Button>}
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <label htmlFor="targets-year">{t('common.year')}</label>
          <InputNumber
            id="targets-year"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
          <label htmlFor="targets-unit">{t('common.unit')}</label>
          <Select
            id="targets-unit"
            style={{ minWidth: 280 }}
            showSearch={{ optionFilterProp: 'label' }}
            value={unitId}
            onChange={setUnitId}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <Button type="primary" disabled={unitId === undefined} onClick={() => void save()}>
            {t('indicators.saveTargets')}
          </Button>
        </Space>
        <Table<Indicator>
          size="small"
          rowKey="id"
          pagination={false}
          loading={indicators.isLoading}
          dataSource={indicators.data ?? []}
          columns={[
            { title: t('report.code'), dataIndex: 'code', width: 130 },
            { title: t('common.indicator'), dataIndex: 'name' },
            { title: t('report.measure'), dataIndex: 'measure', width: 110 },
            {
              title: t('indicators.aggregation'),
              dataIndex: 'aggregation',
              width: 150,
              render: (a: Indicator['aggregation']) => t(`aggregation.${a}`),
            },
            {
              title: t('progress.target'),
              width: 170,
              render: (_: unknown, i) => (
                <InputNumber
                  aria-label={`${t('progress.target')}: ${i.name}`}
                  disabled={unitId === undefined}
                  value={draft[i.id] ?? null}
                  min={i.allowNegative ? undefined : 0}
                  style={{ width: '100%' }}
                  onChange={(v) => setValue(i.id, typeof v === 'number' ? v : null)}
                />
              ),
            },
          ]}
        />
      </Card>
      {creating && <NewIndicatorModal onClose={() => setCreating(false)} />}
    </>
  );
}
