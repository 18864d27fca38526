import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { AGGREGATIONS } from '../../../../src/reports/progress-math';
import { api } from '../../api';
import { useUnits } from '../../api/units';
import { FormDialog } from '../../components/FormDialog';
import { ListPage } from '../../components/ListPage';
import { useServerAction } from '../../hooks/useServerAction';
import {
  putJson,
  reportsKey,
  useIndicators,
  useReportsRefresh,
  type Indicator,
  type NewIndicator,
  type TargetList,
  type Targets,
} from './api';
import { useReportsI18n } from './i18n';

/** Adds an indicator to the shared catalog. */
function NewIndicatorModal({ onClose }: { onClose: () => void }) {
  const { t } = useReportsI18n();
  const refresh = useReportsRefresh();
  return (
    <FormDialog<NewIndicator, Indicator>
      title={t('indicators.new')}
      initialValues={{ aggregation: 'sum', higherIsBetter: true, allowNegative: false }}
      submit={(values) => api.post<Indicator>('/indicators', values)}
      onSaved={() => {
        void refresh();
        onClose();
      }}
      onClose={onClose}
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
    </FormDialog>
  );
}

/** The indicator catalog, and one unit's annual targets for a year. */
export default function IndicatorsPage() {
  const { t } = useReportsI18n();
  const act = useServerAction();
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
    queryFn: () => api.get<TargetList>('/targets', { year, unitId }),
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
  const save = () => {
    if (unitId === undefined) return;
    const body: Targets = {
      year,
      items: (indicators.data ?? []).map((i) => ({
        unitId,
        indicatorId: i.id,
        value: draft[i.id] ?? null,
      })),
    };
    return act(() => putJson('/targets', body), { success: t('common.saved'), refresh });
  };
  return (
    <ListPage<Indicator>
      title={t('indicators.title')}
      actions={<Button onClick={() => setCreating(true)}>{t('indicators.new')}</Button>}
      filters={
        <>
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
        </>
      }
      query={indicators}
      rows={indicators.data}
      rowKey="id"
      // The targets are typed into the table: every indicator stays on screen.
      paging="all"
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
    >
      {creating && <NewIndicatorModal onClose={() => setCreating(false)} />}
    </ListPage>
  );
}
