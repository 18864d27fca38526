import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { Unit } from '../api/types';
import { foldText } from '../format';
import { useI18n } from '../i18n';
import { buildUnitTree, type UnitNode } from '../unitTree';

interface UnitOption {
  value: number;
  title: string;
  disabled?: boolean;
  children: UnitOption[];
}

interface Props {
  units: readonly Unit[];
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Units that may not be chosen (e.g. a unit and its subtree when moving it). */
  disabledIds?: ReadonlySet<number>;
  id?: string;
  'aria-label'?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}

/** Pick one unit from the hierarchy; typing filters without diacritics ("hoi nong dan"). */
export function UnitTreeSelect({ units, value, onChange, disabledIds, ...rest }: Props) {
  const { t } = useI18n();
  const treeData = useMemo(() => {
    const toOption = ({ unit, children }: UnitNode): UnitOption => ({
      value: unit.id,
      title: unit.active ? unit.name : `${unit.name} (${t('common.inactive')})`,
      disabled: disabledIds?.has(unit.id),
      children: children.map(toOption),
    });
    return buildUnitTree(units).map(toOption);
  }, [units, disabledIds, t]);

  return (
    <TreeSelect<number | null>
      {...rest}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{
        filterTreeNode: (input, node) => foldText(String(node.title)).includes(foldText(input)),
      }}
      popupMatchSelectWidth={false}
    />
  );
}
