import { Flex, Tag } from 'antd';
import type { RoleGrant, Unit } from '../api/types';
import { useI18n } from '../i18n';
import { grantKey } from '../roles';
import { tagColors } from '../theme';

/** One tag per grant: "Vai trò – Đơn vị". */
export function RoleTags({
  roles,
  unitsById,
}: {
  roles: RoleGrant[];
  unitsById: Map<number, Unit>;
}) {
  const { t } = useI18n();
  if (roles.length === 0) return <span>{t('common.none')}</span>;
  return (
    <Flex gap={4} wrap>
      {roles.map((grant) => {
        const unit = unitsById.get(grant.unitId);
        const unitName = unit ? (unit.shortName ?? unit.name) : `#${grant.unitId}`;
        return (
          <Tag
            key={grantKey(grant)}
            color={grant.role === 'admin' ? tagColors.admin : tagColors.role}
            title={unit?.name}
            style={{ marginInlineEnd: 0 }}
          >
            {t(`role.${grant.role}`)} – {unitName}
          </Tag>
        );
      })}
    </Flex>
  );
}
