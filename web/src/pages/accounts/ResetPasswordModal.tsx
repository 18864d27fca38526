import { App, Form, Input, Modal } from 'antd';
import { useAccountMutations } from '../../api/accounts';
import type { Account } from '../../api/types';
import { minLengthRule, requiredRule, sameAsRule, showFieldErrors } from '../../forms';
import { useI18n } from '../../i18n';

interface ResetValues {
  newPassword: string;
  confirm: string;
}

/** An admin sets a new password for someone who lost theirs. */
export function ResetPasswordModal({
  account,
  onClose,
}: {
  account: Account;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetValues>();
  const { resetPassword } = useAccountMutations();

  const submit = ({ newPassword }: ResetValues) => {
    resetPassword.mutate(
      { id: account.id, newPassword },
      {
        onSuccess: () => {
          void message.success(t('accounts.resetDone'));
          onClose();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error)) void message.error(error.message);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('accounts.resetTitle', { username: account.username })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: resetPassword.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<ResetValues> form={form} name="resetPassword" layout="vertical" onFinish={submit}>
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
      </Form>
    </Modal>
  );
}
