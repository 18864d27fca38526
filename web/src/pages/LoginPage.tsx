import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useLogin, useMe } from '../api/auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { requiredRule, showFieldErrors } from '../forms';
import { useI18n } from '../i18n';

interface LoginValues {
  username: string;
  password: string;
}

/** Where to go after signing in: back to the page that asked for it, never off-site. */
function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const { from } = state;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//')) return from;
  }
  return '/';
}

export default function LoginPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<LoginValues>();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);

  if (me.data) return <Navigate to={returnPath(location.state)} replace />;

  const submit = (values: LoginValues) => {
    setError(null);
    login.mutate(values, {
      onSuccess: () => void navigate(returnPath(location.state), { replace: true }),
      onError: (err) => {
        showFieldErrors(form, err);
        setError(err.message);
      },
    });
  };

  return (
    <main style={{ minHeight: '100vh', background: '#f3f1ee', padding: 24 }}>
      <Flex justify="flex-end">
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" style={{ marginTop: '8vh' }}>
        <Typography.Title level={1} style={{ color: '#7a1a1a', marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16 }}>{t('app.tagline')}</Typography.Paragraph>
        <Card title={t('login.title')} style={{ width: '100%', maxWidth: 400 }}>
          {error && (
            <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />
          )}
          <Form<LoginValues>
            form={form}
            name="login"
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[requiredRule(t, 'login.username')]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[requiredRule(t, 'login.password')]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </Flex>
    </main>
  );
}
