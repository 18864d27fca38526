import { App } from 'antd';
import { useAccountMutations } from '../../api/accounts';
import type { Account } from '../../api/types';
import { FormDialog } from '../../components/FormDialog';
import { NewPasswordFields } from '../../components/NewPasswordFields';
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
  const { resetPassword } = useAccountMutations();
  return (
    <FormDialog<ResetValues, void>
      title={t('accounts.resetTitle', { username: account.username })}
      name="resetPassword"
      submit={({ newPassword }) => resetPassword.mutateAsync({ id: account.id, newPassword })}
      onSaved={() => {
        void message.success(t('accounts.resetDone'));
        onClose();
      }}
      onClose={onClose}
    >
      <NewPasswordFields />
    </FormDialog>
  );
}
