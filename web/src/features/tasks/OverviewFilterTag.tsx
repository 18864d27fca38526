import { Tag } from 'antd';
import { useOverviewI18n } from './overview.i18n';
import { OVERVIEW_FILTERS, overviewFiltersOf } from './taskListUrl';

/**
 * On the task list: says that the list is one of the overview's figures (filters the list has
 * no control for), with a way to drop them.
 */
export function OverviewFilterTag({
  params,
  onClear,
}: {
  params: URLSearchParams;
  onClear: (names: readonly string[]) => void;
}) {
  const { t } = useOverviewI18n();
  if (Object.keys(overviewFiltersOf(params)).length === 0) return null;
  return (
    <Tag
      closable
      closeIcon={<span aria-label={t('overview.listFilterClear')}>×</span>}
      onClose={() => onClear(OVERVIEW_FILTERS)}
    >
      {t('overview.listFilter')}
    </Tag>
  );
}
