import { useState } from 'react';
import { App, Form, Input, Switch } from 'antd';
import { fetchAccount, useAccountMutations } from '../../api/accounts';
import type { Account, RoleGrant, Unit } from '../../api/types';
import { FormDialog } from '../../components/FormDialog';
import { RoleEditor } from '../../components/RoleEditor';
import { minLengthRule, requiredRule } from '../../forms';
import { useI18n } from '../../i18n';

interface AccountValues {
  username: string;
  password?: string;
  fullName: string;
  position?: string | null;
  email?: string | null;
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
  email: account.email,
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
  const { create, update } = useAccountMutations();
  const [version, setVersion] = useState(account?.version ?? 0);
  const editing = account !== undefined;

  const submit = (values: AccountValues) => {
    const common = {
      fullName: values.fullName.trim(),
      position: blankToNull(values.position),
      email: blankToNull(values.email),
      roles: completeGrants(values.roles),
    };
    return account
      ? update.mutateAsync({ id: account.id, version, ...common, active: values.active ?? true })
      : create.mutateAsync({
          username: values.username.trim(),
          password: values.password ?? '',
          ...common,
        });
  };

  return (
    <FormDialog<AccountValues, Account>
      title={
        editing
          ? t('accounts.editTitle', { username: account.username })
          : t('accounts.createTitle')
      }
      name={editing ? 'accountEdit' : 'accountCreate'}
      width={760}
      initialValues={account ? toValues(account) : { roles: [] }}
      submit={submit}
      onSaved={() => {
        void message.success(editing ? t('common.saved') : t('accounts.created'));
        onClose();
      }}
      onStale={account && (async () => setVersion((await fetchAccount(account.id)).version))}
      onClose={onClose}
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
      <Form.Item name="email" label={t('accounts.email')} extra={t('accounts.emailHint')}>
        <Input type="email" autoComplete="off" maxLength={254} />
      </Form.Item>
      {editing && (
        <Form.Item name="active" label={t('accounts.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
      <RoleEditor units={units} />
    </FormDialog>
  );
}
