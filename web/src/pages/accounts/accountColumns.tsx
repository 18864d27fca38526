import { Button, Flex } from 'antd';
import type { Account, Unit } from '../../api/types';
import { ActiveTag } from '../../components/ActiveTag';
import type { ListColumn } from '../../components/ListPage';
import { RoleTags } from '../../components/RoleTags';
import { formatDateTime } from '../../format';
import type { Translate } from '../../i18n';

interface Options {
  t: Translate;
  unitsById: Map<number, Unit>;
  onEdit: (account: Account) => void;
  onResetPassword: (account: Account) => void;
}

/** The columns of the accounts list. */
export function accountColumns({
  t,
  unitsById,
  onEdit,
  onResetPassword,
}: Options): ListColumn<Account>[] {
  return [
    { title: t('accounts.fullName'), dataIndex: 'fullName', key: 'fullName' },
    { title: t('accounts.username'), dataIndex: 'username', key: 'username' },
    {
      title: t('accounts.position'),
      dataIndex: 'position',
      key: 'position',
      render: (position: string | null) => position ?? t('common.none'),
    },
    {
      title: t('accounts.roles'),
      key: 'roles',
      render: (_, account) => <RoleTags roles={account.roles} unitsById={unitsById} />,
    },
    {
      title: t('common.status'),
      key: 'active',
      render: (_, account) => <ActiveTag active={account.active} />,
    },
    {
      title: t('accounts.lastLogin'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      render: (at: string | null) => (at ? formatDateTime(at) : t('common.never')),
    },
    {
      title: t('accounts.actions'),
      key: 'actions',
      render: (_, account) => (
        <Flex gap={4} wrap>
          <Button size="small" onClick={() => onEdit(account)}>
            {t('common.edit')}
          </Button>
          <Button size="small" onClick={() => onResetPassword(account)}>
            {t('accounts.resetPassword')}
          </Button>
        </Flex>
      ),
    },
  ];
}
