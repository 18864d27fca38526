import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAudit } from '../api/audit';
import { useUnits } from '../api/units';
import type { AuditEntry } from '../api/types';
import { ListPage, type ListColumn } from '../components/ListPage';
import { formatDateTime } from '../format';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import {
  featureActionLabels,
  featureEntityLabels,
  loadAuditDetailLabels,
} from '../features/registry';
import { isMessageKey, useI18n, type Lang, type Translate } from '../i18n';
import { AuditDiff } from './audit/AuditDiff';
import { AuditFilters, type AuditFilterValues } from './audit/AuditFilters';

/** The shell's own label, else one a feature declares, else the code itself. */
function label(t: Translate, lang: Lang, prefix: 'auditAction' | 'entity', code: string): string {
  const key = `${prefix}.${code}`;
  if (isMessageKey(key)) return t(key);
  const labels = prefix === 'entity' ? featureEntityLabels : featureActionLabels;
  return labels[code]?.[lang] ?? code;
}

export default function AuditPage() {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useState<AuditFilterValues>({ q: '' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const q = useDebouncedValue(filters.q.trim());
  const units = useUnits();
  const detailLabels = useQuery({
    queryKey: ['audit', 'detailLabels'],
    queryFn: loadAuditDetailLabels,
    staleTime: Infinity,
  });
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));

  const audit = useAudit({
    entityType: filters.entityType,
    action: filters.action,
    from: filters.from,
    to: filters.to,
    q: q === '' ? undefined : q,
    page,
    pageSize,
  });

  const columns: ListColumn<AuditEntry>[] = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      key: 'at',
      width: 150,
      render: (at: string) => <time dateTime={at}>{formatDateTime(at)}</time>,
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      key: 'actor',
      render: (name: string | null) => name ?? t('audit.system'),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (action: string) => label(t, lang, 'auditAction', action),
    },
    {
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      key: 'entityType',
      render: (type: string) => label(t, lang, 'entity', type),
    },
    {
      title: t('audit.unit'),
      dataIndex: 'unitId',
      key: 'unit',
      render: (id: number | null) =>
        id === null ? t('audit.noUnit') : (unitName.get(id) ?? `#${id}`),
    },
    { title: t('audit.summary'), dataIndex: 'summary', key: 'summary' },
  ];

  return (
    <ListPage<AuditEntry>
      title={t('audit.title')}
      filters={
        <AuditFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPage(1);
          }}
        />
      }
      query={audit}
      rows={audit.data?.items}
      rowKey="id"
      columns={columns}
      expandable={{
        columnTitle: <span className="sr-only">{t('audit.details')}</span>,
        expandedRowRender: (entry) => <AuditDiff entry={entry} labels={detailLabels.data} />,
      }}
      paging={{
        page,
        pageSize,
        total: audit.data?.total ?? 0,
        pageSizes: [20, 50, 100],
        showTotal: (total) => t('audit.total', { total }),
        onChange: (nextPage, nextSize) => {
          setPage(nextSize === pageSize ? nextPage : 1);
          setPageSize(nextSize);
        },
      }}
      scrollX={800}
    />
  );
}
