import { App, Card, Flex, Switch, Typography } from 'antd';
import { useCurrentUser } from '../../api/auth';
import { useUnits } from '../../api/units';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { saveTaskSettings, useTaskSettings, useTasksRefresh } from './api';
import { useTasksI18n } from './i18n';

/** The task settings of each unit where the person is secretariat or chair: head approval. */
export default function TaskSettingsPage() {
  const { t } = useTasksI18n();
  const user = useCurrentUser();
  const conveners = [
    ...new Set(
      user.roles.filter((r) => r.role === 'secretariat' || r.role === 'chair').map((r) => r.unitId),
    ),
  ];
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      {conveners.length === 0 && <Typography.Paragraph>{t('settings.none')}</Typography.Paragraph>}
      <Flex vertical gap={12}>
        {conveners.map((id) => (
          <UnitSettings key={id} unitId={id} />
        ))}
      </Flex>
    </>
  );
}

function UnitSettings({ unitId }: { unitId: number }) {
  const { t } = useTasksI18n();
  const { message } = App.useApp();
  const units = useUnits();
  const settings = useTaskSettings(unitId);
  const refresh = useTasksRefresh();
  if (settings.error)
    return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  const s = settings.data;
  const name = units.data?.find((u) => u.id === unitId)?.name ?? s?.unitName;
  const switchId = `head-approval-${unitId}`;
  const save = async (checked: boolean) => {
    if (!s) return;
    try {
      await saveTaskSettings(unitId, { headApproval: checked, version: s.version });
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      await refresh();
    }
  };
  return (
    <Card size="small" title={name} loading={!s}>
      {s && (
        <Flex gap={12} align="center">
          <Switch
            id={switchId}
            checked={s.headApproval}
            disabled={!s.canEdit}
            onChange={(checked) => void save(checked)}
          />
          <label htmlFor={switchId}>{t('settings.headApproval')}</label>
        </Flex>
      )}
    </Card>
  );
}
