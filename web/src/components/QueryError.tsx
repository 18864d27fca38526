import { Alert, Button } from 'antd';
import { useI18n } from '../i18n';

/** A failed load, with the server's message and a retry. */
export function QueryError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={t('error.loadFailed')}
      description={error.message}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
