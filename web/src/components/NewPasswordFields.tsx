import { Form, Input } from 'antd';
import { minLengthRule, requiredRule, sameAsRule } from '../forms';
import { useI18n } from '../i18n';

/** A new password typed twice (fields `newPassword` and `confirm`), checked as the server does. */
export function NewPasswordFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[requiredRule(t, 'password.new'), minLengthRule(t)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[requiredRule(t, 'password.confirm'), sameAsRule(t, 'newPassword')]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
