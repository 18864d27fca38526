import { useMemo, useState } from 'react';
import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { isApiError } from '../../api';
import { useUnits } from '../../api/units';
import { foldedLabelSearch } from '../../format';
import { showFieldErrors } from '../../forms';
import { useI18n } from '../../i18n';
import { subtreeIds } from '../../unitTree';
import { setPeriodUnits, useReportList, useReportsRefresh, type Period } from './api';
import { useReportsI18n } from './i18n';
import { usePeriodLabel } from './shared';

interface Values {
  unitIds: number[];
}

/**
 * Which units must report in a period. An added unit gets an empty draft; the server drops a
 * unit only while its draft is untouched and refuses otherwise, so dropping asks first and a
 * refusal names the units whose reports stand in the way.
 */
export function PeriodUnitsModal({ period, onClose }: { period: Period; onClose: () => void }) {
  const { t } = useReportsI18n();
  const shell = useI18n();
  const { message, modal } = App.useApp();
  const refresh = useReportsRefresh();
  const units = useUnits();
  const reports = useReportList(period.id);
  const label = usePeriodLabel();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<{ title: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const nameOf = (id: number) => units.data?.find((u) => u.id === id)?.name ?? `#${id}`;
  // Written, sent or further along: the server keeps these reports and refuses the drop.
  const startedReport = (unitId: number) =>
    reports.data?.find((r) => r.unitId === unitId && (r.state !== 'draft' || r.version > 1));

  const options = useMemo(() => {
    const all = units.data ?? [];
    const within = subtreeIds(all, period.unitId);
    return all
      .filter(
        (u) =>
          u.id !== period.unitId && within.has(u.id) && (u.active || period.unitIds.includes(u.id)),
      )
      .map((u) => ({
        value: u.id,
        label: u.active ? u.name : `${u.name} (${shell.t('common.inactive')})`,
      }));
  }, [units.data, period.unitId, period.unitIds, shell]);

  const save = async (unitIds: number[]) => {
    const added = unitIds.filter((id) => !period.unitIds.includes(id));
    const dropped = period.unitIds.filter((id) => !unitIds.includes(id));
    setSaving(true);
    setRefusal(null);
    try {
      await setPeriodUnits(period, unitIds);
      void message.success(
        t('board.units.saved', { added: added.length, dropped: dropped.length }),
      );
      await refresh();
      onClose();
    } catch (error) {
      if (!isApiError(error)) return;
      // The server names the units whose started report keeps them in the period.
      if (!isApiError(error, 409, 'period_unit_has_report')) showFieldErrors(form, error);
      setRefusal({ title: error.message });
      // A stale save means the period changed meanwhile: reload it; the choice here is kept.
      if (isApiError(error, 409, 'conflict')) await refresh();
    } finally {
      setSaving(false);
    }
  };

  const submit = ({ unitIds }: Values) => {
    const dropped = period.unitIds.filter((id) => !unitIds.includes(id));
    if (dropped.length === 0) return void save(unitIds);
    const started = dropped.filter((id) => startedReport(id));
    modal.confirm({
      title: t('board.units.confirmTitle', { n: dropped.length }),
      width: 560,
      content: (
        <>
          <ul>
            {dropped.map((id) => {
              const report = startedReport(id);
              return (
                <li key={id}>
                  {nameOf(id)}
                  {report &&
                    ` — ${t('board.units.hasReport', { state: t(`state.${report.state}`) })}`}
                </li>
              );
            })}
          </ul>
          <Typography.Paragraph>{t('board.units.confirmDrafts')}</Typography.Paragraph>
          {started.length > 0 && (
            <Typography.Paragraph strong>{t('board.units.confirmStarted')}</Typography.Paragraph>
          )}
        </>
      ),
      okText: t('board.units.drop'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => save(unitIds),
    });
  };

  return (
    <Modal
      open
      width={720}
      title={t('board.units.title', { name: label(period) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving }}
      cancelText={t('common.cancel')}
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={refusal.title}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<Values>
        form={form}
        name="periodUnits"
        layout="vertical"
        initialValues={{ unitIds: period.unitIds }}
        onFinish={submit}
      >
        <Form.Item
          name="unitIds"
          label={t('board.units.label')}
          extra={t('board.units.hint')}
          rules={[{ required: true, type: 'array' }]}
        >
          <Select
            mode="multiple"
            showSearch={foldedLabelSearch}
            loading={units.isLoading}
            options={options}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
