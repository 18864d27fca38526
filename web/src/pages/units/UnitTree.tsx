import { useMemo } from 'react';
import { MinusSquareOutlined, PlusSquareOutlined } from '@ant-design/icons';
import { Tag, Tree, type TreeDataNode, type TreeProps } from 'antd';
import type { Unit } from '../../api/types';
import { useI18n } from '../../i18n';
import { buildUnitTree, dropTarget, type MoveTarget, type UnitNode } from '../../unitTree';

interface Props {
  units: readonly Unit[];
  selectedId: number | null;
  expandedIds: number[];
  onExpand: (ids: number[]) => void;
  onSelect: (id: number) => void;
  /** Set when the user may rearrange the tree by drag and drop. */
  onMove?: (unit: Unit, target: MoveTarget) => void;
}

function UnitTitle({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  if (unit.active) return <span>{unit.name}</span>;
  // Greyed, but still dark enough to read: #595959 on white is 7:1.
  return (
    <span style={{ color: '#595959' }}>
      {unit.name} <Tag style={{ marginInlineStart: 4 }}>{t('common.inactive')}</Tag>
    </span>
  );
}

export function UnitTree({ units, selectedId, expandedIds, onExpand, onSelect, onMove }: Props) {
  const treeData = useMemo(() => {
    const toNode = ({ unit, children }: UnitNode): TreeDataNode => ({
      key: unit.id,
      title: <UnitTitle unit={unit} />,
      children: children.map(toNode),
    });
    return buildUnitTree(units).map(toNode);
  }, [units]);

  const handleDrop: TreeProps['onDrop'] = (info) => {
    if (!onMove) return;
    const dragId = Number(info.dragNode.key);
    const dropId = Number(info.node.key);
    const dropIndex = Number(info.node.pos.split('-').at(-1));
    // antd reports dropPosition relative to the drop node's index among its siblings.
    const relative = info.dropToGap ? Math.sign(info.dropPosition - dropIndex) : 0;
    const side = relative < 0 ? -1 : relative > 0 ? 1 : 0;
    const target = dropTarget(units, dragId, dropId, side, info.node.expanded);
    const unit = units.find((u) => u.id === dragId);
    if (target && unit) onMove(unit, target);
  };

  return (
    <Tree
      treeData={treeData}
      blockNode
      showLine
      // Icons hidden from assistive technology, so a node's name is just the unit's name.
      switcherIcon={({ expanded }) =>
        expanded ? <MinusSquareOutlined aria-hidden /> : <PlusSquareOutlined aria-hidden />
      }
      selectedKeys={selectedId === null ? [] : [selectedId]}
      expandedKeys={expandedIds}
      onExpand={(keys) => onExpand(keys.map(Number))}
      onSelect={(keys) => {
        // Clicking the selected unit again would deselect it; keep the panel open instead.
        if (keys.length > 0) onSelect(Number(keys[0]));
      }}
      draggable={onMove ? { icon: false } : false}
      onDrop={handleDrop}
    />
  );
}
