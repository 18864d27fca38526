import { useState } from 'react';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select } from 'antd';
import { useAccounts } from '../api/accounts';
import type { Account } from '../api/types';
import { useUnits } from '../api/units';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { UnitTreeSelect } from '../components/UnitTreeSelect';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useI18n } from '../i18n';
import { indexUnits } from '../unitTree';
import { AccountFormModal } from './accounts/AccountFormModal';
import { AccountsTable } from './accounts/AccountsTable';
import { ResetPasswordModal } from './accounts/ResetPasswordModal';

type ActiveFilter = 'all' | 'active' | 'inactive';

/** Which modal is open: none, a new account, editing or resetting one account. */
type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset'; account: Account } | null;

export default function AccountsPage() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [activeFilter, setActiveFilter] = useState<ActiveFilter>('all');
  const [dialog, setDialog] = useState<Dialog>(null);
  const q = useDebouncedValue(search.trim());

  const units = useUnits();
  const unitList = units.data ?? [];
  const accounts = useAccounts({
    q: q === '' ? undefined : q,
    unitId: unitId ?? undefined,
    active: activeFilter === 'all' ? undefined : activeFilter === 'active',
  });

  return (
    <>
      <PageHeader
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
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            aria-label={t('accounts.search')}
            placeholder={t('accounts.searchPlaceholder')}
            prefix={<SearchOutlined aria-hidden />}
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 280 }}
          />
          <UnitTreeSelect
            units={unitList}
            aria-label={t('accounts.filterUnit')}
            placeholder={t('accounts.filterUnit')}
            allowClear
            value={unitId}
            onChange={setUnitId}
            style={{ width: 280 }}
          />
          <Select<ActiveFilter>
            aria-label={t('accounts.filterActive')}
            value={activeFilter}
            onChange={setActiveFilter}
            style={{ width: 200 }}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'active', label: t('common.active') },
              { value: 'inactive', label: t('common.inactive') },
            ]}
          />
        </Flex>
        {accounts.isError ? (
          <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} />
        ) : (
          <AccountsTable
            accounts={accounts.data ?? []}
            loading={accounts.isFetching}
            unitsById={indexUnits(unitList)}
            onEdit={(account) => setDialog({ kind: 'edit', account })}
            onResetPassword={(account) => setDialog({ kind: 'reset', account })}
          />
        )}
      </Card>
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
    </>
  );
}
