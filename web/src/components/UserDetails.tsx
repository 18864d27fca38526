import { Descriptions } from 'antd';
import type { Me } from '../api/types';
import { useUnits } from '../api/units';
import { useI18n } from '../i18n';
import { indexUnits } from '../unitTree';
import { RoleTags } from './RoleTags';

/** Username, position and "role – unit" grants of the signed-in user. */
export function UserDetails({ user }: { user: Me }) {
  const { t } = useI18n();
  const units = useUnits();
  const unitsById = indexUnits(units.data ?? []);
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      items={[
        { key: 'fullName', label: t('accounts.fullName'), children: user.fullName },
        { key: 'username', label: t('home.username'), children: user.username },
        { key: 'position', label: t('home.position'), children: user.position ?? t('common.none') },
        {
          key: 'roles',
          label: t('home.roles'),
          children:
            user.roles.length === 0 ? (
              t('home.noRoles')
            ) : (
              <RoleTags roles={user.roles} unitsById={unitsById} />
            ),
        },
      ]}
    />
  );
}
