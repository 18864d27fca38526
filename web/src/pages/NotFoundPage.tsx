import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../components/PageHeader';
import { useI18n } from '../i18n';

export default function NotFoundPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('error.notFound')} />
      <Result
        status="404"
        extra={
          <Button type="primary" onClick={() => void navigate('/')}>
            {t('error.backHome')}
          </Button>
        }
      />
    </>
  );
}
