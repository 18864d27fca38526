import { Tag } from 'antd';
import { useI18n } from '../i18n';
import { tagColors } from '../theme';

export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <Tag color={active ? tagColors.active : tagColors.inactive}>
      {active ? t('common.active') : t('common.inactive')}
    </Tag>
  );
}
