import { useMemo } from 'react';
import { App, Form, Select, Typography } from 'antd';
import { useUnits } from '../../api/units';
import { FormDialog } from '../../components/FormDialog';
import { foldedLabelSearch } from '../../format';
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
 * refusal names the units whose reports stand in the way (shown as every dialog shows it).
 */
export function PeriodUnitsModal({ period, onClose }: { period: Period; onClose: () => void }) {
  const { t } = useReportsI18n();
  const shell = useI18n();
  const { message, modal } = App.useApp();
  const refresh = useReportsRefresh();
  const units = useUnits();
  const reports = useReportList(period.id);
  const label = usePeriodLabel();

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

  /** Asks before dropping units; resolves to whether to go on. */
  const confirmDrop = (dropped: number[]) =>
    new Promise<boolean>((resolve) => {
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
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const changes = (unitIds: number[]) => ({
    added: unitIds.filter((id) => !period.unitIds.includes(id)),
    dropped: period.unitIds.filter((id) => !unitIds.includes(id)),
  });

  const confirm = async ({ unitIds }: Values) => {
    const { dropped } = changes(unitIds);
    return dropped.length === 0 || confirmDrop(dropped);
  };

  return (
    <FormDialog<Values, Period>
      width={720}
      title={t('board.units.title', { name: label(period) })}
      name="periodUnits"
      initialValues={{ unitIds: period.unitIds }}
      confirm={confirm}
      submit={({ unitIds }) => setPeriodUnits(period, unitIds)}
      onSaved={(saved) => {
        const { added, dropped } = changes(saved.unitIds);
        void message.success(
          t('board.units.saved', { added: added.length, dropped: dropped.length }),
        );
        void refresh();
        onClose();
      }}
      // A stale save means the period changed meanwhile: reload it; the choice here is kept.
      onStale={refresh}
      onClose={onClose}
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
    </FormDialog>
  );
}
