import { SearchOutlined } from '@ant-design/icons';
import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../api/types';
import { useI18n } from '../../i18n';

export interface AuditFilterValues {
  entityType?: string;
  action?: string;
  from?: string;
  to?: string;
  q: string;
}

interface Props {
  value: AuditFilterValues;
  onChange: (value: AuditFilterValues) => void;
}

const DAY = 'YYYY-MM-DD';

export function AuditFilters({ value, onChange }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  return (
    <>
      <Select
        aria-label={t('audit.entityType')}
        placeholder={t('audit.entityType')}
        allowClear
        value={value.entityType}
        onChange={(entityType?: string) => set({ entityType })}
        options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: t(`entity.${type}`) }))}
        style={{ width: 200 }}
      />
      <Select
        aria-label={t('audit.action')}
        placeholder={t('audit.action')}
        allowClear
        value={value.action}
        onChange={(action?: string) => set({ action })}
        options={AUDIT_ACTIONS.map((action) => ({
          value: action,
          label: t(`auditAction.${action}`),
        }))}
        style={{ width: 200 }}
      />
      {/* The range picker has two inputs and no label of its own: name each one. */}
      <label htmlFor="audit-from" className="sr-only">
        {t('audit.from')}
      </label>
      <label htmlFor="audit-to" className="sr-only">
        {t('audit.to')}
      </label>
      <DatePicker.RangePicker
        id={{ start: 'audit-from', end: 'audit-to' }}
        format="DD/MM/YYYY"
        placeholder={[t('audit.from'), t('audit.to')]}
        allowEmpty={[true, true]}
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        onChange={(range) =>
          set({
            from: range?.[0]?.format(DAY) ?? undefined,
            to: range?.[1]?.format(DAY) ?? undefined,
          })
        }
      />
      <Input
        aria-label={t('audit.search')}
        placeholder={t('audit.searchPlaceholder')}
        prefix={<SearchOutlined aria-hidden />}
        allowClear
        value={value.q}
        onChange={(event) => set({ q: event.target.value })}
        style={{ width: 260 }}
      />
    </>
  );
}
