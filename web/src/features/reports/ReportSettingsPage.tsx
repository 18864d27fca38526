import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, InputNumber, Skeleton, Typography } from 'antd';
import { api, isApiError } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { showFieldErrors } from '../../forms';
import { reportsKey, saveReportSettings, useReportSettings, type ReportSettings } from './api';
import { useReportsI18n } from './i18n';
import {
  DEFAULT_PERIOD_RULE,
  nextQuarter,
  periodDates,
  vietnamToday,
  type PeriodRule,
} from './periodRules';
import { formatDay, usePeriodLabel } from './shared';
import { StaleSaveAlert } from './StaleSaveAlert';

export default function ReportSettingsPage() {
  const settings = useReportSettings();
  if (settings.data) return <SettingsForm initial={settings.data} />;
  if (settings.error)
    return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <Skeleton active />;
}

const isDay = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

/** What the rule gives the next quarter, recomputed as the user types. */
function RuleExample({ rule }: { rule: Partial<PeriodRule> | undefined }) {
  const { t } = useReportsI18n();
  const label = usePeriodLabel();
  const key = nextQuarter(vietnamToday());
  const complete =
    rule &&
    isDay(rule.dataFromDay, 31) &&
    rule.dataFromDay > 0 &&
    isDay(rule.cutoffDay, 31) &&
    rule.cutoffDay > 0 &&
    isDay(rule.deadlineDaysAfterCutoff, 90);
  const dates = complete ? periodDates(key, rule as PeriodRule) : null;
  return (
    <Alert
      type="info"
      role="status"
      title={t('settings.example')}
      description={
        dates
          ? t('settings.exampleText', {
              period: label(key),
              dataFrom: formatDay(dates.dataFrom),
              cutoff: formatDay(dates.cutoffDate),
              deadline: formatDay(dates.deadline),
            })
          : t('settings.exampleIncomplete')
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** The rule for a new period's default dates; versioned like every shared setting. */
function SettingsForm({ initial }: { initial: ReportSettings }) {
  const { t } = useReportsI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Pick<ReportSettings, 'periodRule'>>();
  const [baseVersion, setBaseVersion] = useState(initial.version);
  const [stale, setStale] = useState<{ message: string; latest: ReportSettings } | null>(null);
  const [saving, setSaving] = useState(false);
  const rule = Form.useWatch('periodRule', form);

  const load = (settings: ReportSettings) => {
    queryClient.setQueryData([...reportsKey, 'settings'], settings);
    form.setFieldsValue({ periodRule: settings.periodRule });
    setBaseVersion(settings.version);
    setStale(null);
  };

  const submit = async ({ periodRule }: Pick<ReportSettings, 'periodRule'>) => {
    setSaving(true);
    try {
      load(await saveReportSettings({ version: baseVersion, periodRule }));
      void message.success(t('common.saved'));
    } catch (error) {
      if (isApiError(error, 409, 'conflict')) {
        const latest = await api.get<ReportSettings>('/report-settings').catch(() => null);
        if (latest) setStale({ message: error.message, latest });
        else void message.error(error.message);
        return;
      }
      showFieldErrors(form, error);
      if (isApiError(error)) void message.error(error.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={t('settings.title')} />
      {stale && (
        <StaleSaveAlert
          message={stale.message}
          onReload={() => load(stale.latest)}
          onKeepMine={() => {
            setBaseVersion(stale.latest.version);
            setStale(null);
            void message.info(t('stale.kept'));
          }}
        />
      )}
      <Card size="small" style={{ maxWidth: 760 }}>
        <Typography.Paragraph>{t('settings.intro')}</Typography.Paragraph>
        <Form<Pick<ReportSettings, 'periodRule'>>
          form={form}
          name="settings"
          layout="vertical"
          initialValues={{ periodRule: initial.periodRule }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item
            name={['periodRule', 'dataFromDay']}
            label={t('settings.dataFromDay')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={31} precision={0} />
          </Form.Item>
          <Form.Item
            name={['periodRule', 'cutoffDay']}
            label={t('settings.cutoffDay')}
            extra={t('settings.clampHint')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={31} precision={0} />
          </Form.Item>
          <Form.Item
            name={['periodRule', 'deadlineDaysAfterCutoff']}
            label={t('settings.deadlineDays')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={90} precision={0} />
          </Form.Item>
          <RuleExample rule={rule} />
          <Typography.Paragraph type="secondary">{t('settings.note')}</Typography.Paragraph>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('common.save')}
            </Button>
            <Button onClick={() => form.setFieldsValue({ periodRule: DEFAULT_PERIOD_RULE })}>
              {t('settings.reset')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
