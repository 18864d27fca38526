import { useState } from 'react';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select } from 'antd';
import { useAccounts } from '../api/accounts';
import type { Account } from '../api/types';
import { useUnits } from '../api/units';
import { ListPage, PAGE_SIZE, usePageNumber } from '../components/ListPage';
import { UnitTreeSelect } from '../components/UnitTreeSelect';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useI18n } from '../i18n';
import { indexUnits } from '../unitTree';
import { AccountFormModal } from './accounts/AccountFormModal';
import { accountColumns } from './accounts/accountColumns';
import { ResetPasswordModal } from './accounts/ResetPasswordModal';

type ActiveFilter = 'all' | 'active' | 'inactive';

/** Which modal is open: none, a new account, editing or resetting one account. */
type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset'; account: Account } | null;

export default function AccountsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [activeFilter, setActiveFilter] = useState<ActiveFilter>('all');
  const { page, setPage, resetting: filter } = usePageNumber();
  const [dialog, setDialog] = useState<Dialog>(null);
  const q = useDebouncedValue(search.trim());

  const units = useUnits();
  const unitList = units.data ?? [];
  const accounts = useAccounts({
    q: q === '' ? undefined : q,
    unitId: unitId ?? undefined,
    active: activeFilter === 'all' ? undefined : activeFilter === 'active',
    page,
    pageSize: PAGE_SIZE,
  });

  return (
    <ListPage<Account>
      title={t('accounts.title')}
      actions={
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setDialog({ kind: 'create' })}
        >
          {t('accounts.add')}
        </Button>
      }
      filters={
        <>
          <Input
            aria-label={t('accounts.search')}
            placeholder={t('accounts.searchPlaceholder')}
            prefix={<SearchOutlined aria-hidden />}
            allowClear
            value={search}
            onChange={(event) => filter(setSearch)(event.target.value)}
            style={{ width: 280 }}
          />
          <UnitTreeSelect
            units={unitList}
            aria-label={t('accounts.filterUnit')}
            placeholder={t('accounts.filterUnit')}
            allowClear
            value={unitId}
            onChange={filter(setUnitId)}
            style={{ width: 280 }}
          />
          <Select<ActiveFilter>
            aria-label={t('accounts.filterActive')}
            value={activeFilter}
            onChange={filter(setActiveFilter)}
            style={{ width: 200 }}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'active', label: t('common.active') },
              { value: 'inactive', label: t('common.inactive') },
            ]}
          />
        </>
      }
      query={accounts}
      rows={accounts.data?.items}
      rowKey="id"
      paging={{
        page,
        pageSize: PAGE_SIZE,
        total: accounts.data?.total ?? 0,
        onChange: setPage,
      }}
      scrollX={900}
      columns={accountColumns({
        t,
        unitsById: indexUnits(unitList),
        onEdit: (account) => setDialog({ kind: 'edit', account }),
        onResetPassword: (account) => setDialog({ kind: 'reset', account }),
      })}
    >
      {dialog?.kind === 'create' && (
        <AccountFormModal units={unitList} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'edit' && (
        <AccountFormModal
          account={dialog.account}
          units={unitList}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordModal account={dialog.account} onClose={() => setDialog(null)} />
      )}
    </ListPage>
  );
}
