import { useId, useMemo } from 'react';
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
export function UnitTreeSelect({ units, value, onChange, disabledIds, id, ...rest }: Props) {
  const { t } = useI18n();
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
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
      id={inputId}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      treeData={treeData}
      treeDefaultExpandAll
      // Which field Enter's "first match" looks at; the folded filter below decides what shows.
      treeNodeFilterProp="title"
      showSearch={{
        filterTreeNode: (input, node) =>
          typeof node.title === 'string' && foldText(node.title).includes(foldText(input)),
      }}
      popupMatchSelectWidth={false}
      // Accessibility repairs for the popup (checked by axe in the browser tests): the input's
      // aria-owns/aria-controls name `<id>_list`, which TreeSelect never renders, so the wrapper
      // carries that id; and the scrolling happens in this focusable wrapper rather than in the
      // tree's own list, whose nodes cannot take focus.
      virtual={false}
      listHeight={100_000}
      popupRender={(menu) => (
        <div
          id={`${inputId}_list`}
          tabIndex={0}
          // Keep focus in the input on click, or the select closes before the choice lands.
          onMouseDown={(event) => event.preventDefault()}
          style={{ maxHeight: 320, overflowY: 'auto' }}
        >
          {menu}
        </div>
      )}
    />
  );
}
