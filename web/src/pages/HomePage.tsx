import { Card, Typography } from 'antd';
import { useCurrentUser } from '../api/auth';
import { PageHeader } from '../components/PageHeader';
import { UserDetails } from '../components/UserDetails';
import { useI18n } from '../i18n';

export default function HomePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('nav.home')} />
      <Card style={{ maxWidth: 880 }}>
        <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
          {t('home.welcome', { name: user.fullName })}
        </Typography.Title>
        <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
        <UserDetails user={user} />
      </Card>
    </>
  );
}
