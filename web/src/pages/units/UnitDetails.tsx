import { Descriptions } from 'antd';
import type { Unit } from '../../api/types';
import { useI18n } from '../../i18n';

/** A unit for readers who may not edit it: plain text reads better than a disabled form. */
export function UnitDetails({ unit, parent }: { unit: Unit; parent: Unit | null }) {
  const { t } = useI18n();
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      items={[
        { key: 'name', label: t('units.name'), children: unit.name },
        {
          key: 'shortName',
          label: t('units.shortName'),
          children: unit.shortName ?? t('common.none'),
        },
        { key: 'kind', label: t('units.kind'), children: t(`unitKind.${unit.kind}`) },
        { key: 'parent', label: t('units.parent'), children: parent?.name ?? t('common.none') },
        {
          key: 'active',
          label: t('common.status'),
          children: unit.active ? t('common.active') : t('common.inactive'),
        },
      ]}
    />
  );
}
