import { Alert, Button, Space } from 'antd';
import { useReportsI18n } from './i18n';

interface Props {
  /** The server's 409 message ("… was changed by someone else after you opened it …"). */
  message: string;
  /** Replace the form with what is on the server now, dropping the user's edits. */
  onReload: () => void;
  /** Keep the user's edits and save them over the newer version with the next save. */
  onKeepMine: () => void;
}

/** A save refused because someone saved first: nothing typed is lost until the user chooses. */
export function StaleSaveAlert({ message, onReload, onKeepMine }: Props) {
  const { t } = useReportsI18n();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={message}
      description={t('stale.intro')}
      action={
        <Space direction="vertical">
          <Button size="small" onClick={onReload}>
            {t('stale.reload')}
          </Button>
          <Button size="small" onClick={onKeepMine}>
            {t('stale.keepMine')}
          </Button>
        </Space>
      }
      style={{ marginBottom: 12 }}
    />
  );
}
