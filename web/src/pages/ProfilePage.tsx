import { lazy, Suspense } from 'react';
import { App, Button, Card, Flex, Form, Input } from 'antd';
import { useChangePassword, useCurrentUser } from '../api/auth';
import { PageHeader } from '../components/PageHeader';
import { UserDetails } from '../components/UserDetails';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { requiredRule, showFieldErrors } from '../forms';
import { useI18n } from '../i18n';

// E-mail settings belong to the notifications, which keep their own strings and API.
const MailSettingsCard = lazy(() => import('../features/notifications/MailSettingsCard'));

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ProfilePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const changePassword = useChangePassword();
  const [form] = Form.useForm<PasswordValues>();

  const submit = ({ currentPassword, newPassword }: PasswordValues) => {
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('password.changed'));
        },
        onError: (error) => {
          if (!showFieldErrors(form, error)) void message.error(error.message);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Flex vertical gap={16} style={{ maxWidth: 720 }}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('profile.details')}</h2>}>
          <UserDetails user={user} />
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('password.change')}</h2>}>
          <Form<PasswordValues> form={form} name="password" layout="vertical" onFinish={submit}>
            <Form.Item
              name="currentPassword"
              label={t('password.current')}
              rules={[requiredRule(t, 'password.current')]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <NewPasswordFields />
            <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
              {t('password.change')}
            </Button>
          </Form>
        </Card>
        <Suspense fallback={null}>
          <MailSettingsCard />
        </Suspense>
      </Flex>
    </>
  );
}
