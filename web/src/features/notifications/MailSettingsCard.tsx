import { Alert, App, Button, Card, Form, Input, Radio, Skeleton, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { showFieldErrors } from '../../forms';
import { notificationsKey, saveMailSettings, useMailSettings, type MailSettingsBody } from './api';
import { useNotificationsI18n } from './i18n';

interface Values {
  email?: string | null;
  emailOptIn: boolean;
  language: 'vi' | 'en';
}

/** The profile's part: where e-mail goes, whether to receive it, and in which language. */
export default function MailSettingsCard() {
  const { t } = useNotificationsI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const settings = useMailSettings();
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    const body: MailSettingsBody = {
      email: values.email?.trim() ? values.email.trim() : null,
      emailOptIn: values.emailOptIn,
      language: values.language,
    };
    try {
      const saved = await saveMailSettings(body);
      client.setQueryData([...notificationsKey, 'mail-settings'], saved);
      form.setFieldsValue({ email: saved.email });
      void message.success(t('mail.saved'));
    } catch (error) {
      if (!showFieldErrors(form, error)) void message.error((error as Error).message);
    }
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('mail.title')}</h2>}>
      {settings.data ? (
        <Form<Values>
          form={form}
          name="mailSettings"
          layout="vertical"
          initialValues={settings.data}
          onFinish={(v) => void submit(v)}
        >
          {!settings.data.emailEnabled && (
            <Alert type="info" showIcon message={t('mail.off')} style={{ marginBottom: 16 }} />
          )}
          <Form.Item name="email" label={t('mail.email')} extra={t('mail.emailHint')}>
            <Input type="email" autoComplete="email" maxLength={254} />
          </Form.Item>
          <Form.Item name="emailOptIn" label={t('mail.optIn')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="language" label={t('mail.language')}>
            <Radio.Group
              options={[
                { value: 'vi', label: t('mail.vi') },
                { value: 'en', label: t('mail.en') },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('mail.save')}
          </Button>
        </Form>
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}
