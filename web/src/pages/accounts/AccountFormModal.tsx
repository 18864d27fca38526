import { useState } from 'react';
import { App, Form, Input, Modal, Switch } from 'antd';
import { isApiError } from '../../api';
import { fetchAccount, useAccountMutations } from '../../api/accounts';
import type { Account, RoleGrant, Unit } from '../../api/types';
import { RoleEditor } from '../../components/RoleEditor';
import { minLengthRule, requiredRule, showFieldErrors } from '../../forms';
import { useI18n } from '../../i18n';

interface AccountValues {
  username: string;
  password?: string;
  fullName: string;
  position?: string | null;
  active?: boolean;
  roles?: Partial<RoleGrant>[];
}

interface Props {
  /** The account to edit; absent to create one. */
  account?: Account;
  units: readonly Unit[];
  onClose: () => void;
}

const toValues = (account: Account): AccountValues => ({
  username: account.username,
  fullName: account.fullName,
  position: account.position,
  active: account.active,
  roles: account.roles,
});

/** The form's rows are all required, so by submit time every grant is complete. */
const completeGrants = (roles: Partial<RoleGrant>[] = []): RoleGrant[] =>
  roles.flatMap(({ unitId, role }) =>
    unitId !== undefined && role !== undefined ? [{ unitId, role }] : [],
  );

const blankToNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/** Create an account, or edit one (everything but the password, plus the active switch). */
export function AccountFormModal({ account, units, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountValues>();
  const { create, update } = useAccountMutations();
  const [version, setVersion] = useState(account?.version ?? 0);
  const editing = account !== undefined;
  const saving = create.isPending || update.isPending;

  const onError = (error: Error) => {
    if (account && isApiError(error, 409, 'conflict')) {
      // Someone saved this account first: show what they saved, keep nothing stale.
      void message.warning(`${error.message} ${t('error.conflictReloaded')}`);
      fetchAccount(account.id).then(
        (fresh) => {
          setVersion(fresh.version);
          form.setFieldsValue(toValues(fresh));
        },
        (reloadError: Error) => void message.error(reloadError.message),
      );
    } else if (!showFieldErrors(form, error)) {
      void message.error(error.message);
    }
  };

  const submit = (values: AccountValues) => {
    const common = {
      fullName: values.fullName.trim(),
      position: blankToNull(values.position),
      roles: completeGrants(values.roles),
    };
    const onSuccess = () => {
      void message.success(editing ? t('common.saved') : t('accounts.created'));
      onClose();
    };
    if (account) {
      update.mutate(
        { id: account.id, version, ...common, active: values.active ?? true },
        { onSuccess, onError },
      );
    } else {
      create.mutate(
        { username: values.username.trim(), password: values.password ?? '', ...common },
        { onSuccess, onError },
      );
    }
  };

  return (
    <Modal
      open
      title={
        editing
          ? t('accounts.editTitle', { username: account.username })
          : t('accounts.createTitle')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={760}
      mask={{ closable: false }}
    >
      <Form<AccountValues>
        form={form}
        name={editing ? 'accountEdit' : 'accountCreate'}
        layout="vertical"
        initialValues={account ? toValues(account) : { roles: [] }}
        onFinish={submit}
      >
        <Form.Item
          name="username"
          label={t('accounts.username')}
          rules={editing ? [] : [requiredRule(t, 'accounts.username')]}
        >
          <Input autoComplete="off" disabled={editing} maxLength={64} />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label={t('accounts.password')}
            rules={[requiredRule(t, 'accounts.password'), minLengthRule(t)]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          name="fullName"
          label={t('accounts.fullName')}
          rules={[requiredRule(t, 'accounts.fullName')]}
        >
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item name="position" label={t('accounts.position')}>
          <Input maxLength={255} />
        </Form.Item>
        {editing && (
          <Form.Item name="active" label={t('accounts.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <RoleEditor units={units} />
      </Form>
    </Modal>
  );
}
