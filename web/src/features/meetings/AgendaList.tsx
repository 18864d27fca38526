import type { ReactNode } from 'react';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useMeetingsI18n } from './i18n';

interface Props<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  titleOf: (item: T) => string;
  /** Moves the item at `from` to `to`; absent: the list is read only. */
  onMove?: (from: number, to: number) => void;
  /** The row's content right of the handle. */
  render: (item: T, index: number) => ReactNode;
  label: string;
}

/**
 * An ordered list reordered by dragging its handle (mouse, touch, or the keyboard: Space to
 * pick up, arrows, Space to drop, as @dnd-kit announces) or by the up/down buttons beside.
 */
export function SortableList<T>({ items, keyOf, titleOf, onMove, render, label }: Props<T>) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map(keyOf);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove?.(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item, index) => (
            <SortableRow
              key={keyOf(item)}
              id={keyOf(item)}
              title={titleOf(item)}
              index={index}
              last={index === items.length - 1}
              onMove={onMove}
            >
              {render(item, index)}
            </SortableRow>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableRow({
  id,
  title,
  index,
  last,
  onMove,
  children,
}: {
  id: string;
  title: string;
  index: number;
  last: boolean;
  onMove?: (from: number, to: number) => void;
  children: ReactNode;
}) {
  const { t } = useMeetingsI18n();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } =
    useSortable({ id, disabled: !onMove });
  return (
    <li
      ref={setNodeRef}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        borderBottom: '1px solid #f0f0f0',
        padding: '6px 0',
        background: '#fff',
      }}
    >
      <Flex gap={8} align="center">
        {onMove && (
          <Button
            ref={setActivatorNodeRef}
            type="text"
            size="small"
            icon={<HolderOutlined aria-hidden />}
            aria-label={t('agenda.drag', { title })}
            style={{ cursor: 'grab', touchAction: 'none' }}
            {...attributes}
            {...listeners}
          />
        )}
        <span style={{ minWidth: 24, textAlign: 'right' }}>{index + 1}.</span>
        <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
        {onMove && (
          <Flex gap={4}>
            <Button
              size="small"
              icon={<ArrowUpOutlined aria-hidden />}
              aria-label={t('agenda.moveUpOf', { title })}
              disabled={index === 0}
              onClick={() => onMove(index, index - 1)}
            />
            <Button
              size="small"
              icon={<ArrowDownOutlined aria-hidden />}
              aria-label={t('agenda.moveDownOf', { title })}
              disabled={last}
              onClick={() => onMove(index, index + 1)}
            />
          </Flex>
        )}
      </Flex>
    </li>
  );
}
