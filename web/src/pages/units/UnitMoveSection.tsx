import { useMemo } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Typography } from 'antd';
import type { Unit } from '../../api/types';
import { useUnitMutations } from '../../api/units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useI18n } from '../../i18n';
import { childrenOf, subtreeIds } from '../../unitTree';

interface Props {
  unit: Unit;
  units: readonly Unit[];
  version: number;
  onMoved: (unit: Unit) => void;
  onError: (error: Error) => void;
}

/** Change a unit's parent, or its place among its siblings (POST /units/:id/move). */
export function UnitMoveSection({ unit, units, version, onMoved, onError }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId?: number | null }>();
  const { move } = useUnitMutations();

  const siblings = childrenOf(units, unit.parentId);
  const index = siblings.findIndex((s) => s.id === unit.id);
  const blocked = useMemo(() => subtreeIds(units, unit.id), [units, unit.id]);

  const moveTo = (parentId: number | null, position: number) => {
    move.mutate(
      { id: unit.id, version, parentId, position },
      {
        onSuccess: (moved) => {
          onMoved(moved);
          void message.success(t('units.moved'));
        },
        onError,
      },
    );
  };

  const moveToParent = ({ parentId }: { parentId?: number | null }) => {
    const target = parentId ?? null;
    if (target === unit.parentId) return;
    // Appended last: position counts the new siblings, which do not include this unit yet.
    moveTo(target, childrenOf(units, target).length);
  };

  return (
    <section aria-labelledby="unit-move-heading">
      <Typography.Title level={3} id="unit-move-heading" style={{ fontSize: 15 }}>
        {t('units.position')}
      </Typography.Title>
      <Form
        form={form}
        name="unitMove"
        layout="vertical"
        initialValues={{ parentId: unit.parentId }}
        onFinish={moveToParent}
      >
        <Form.Item name="parentId" label={t('units.parent')}>
          <UnitTreeSelect
            units={units}
            disabledIds={blocked}
            allowClear
            placeholder={t('units.noParent')}
          />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button htmlType="submit" loading={move.isPending}>
            {t('units.move')}
          </Button>
          <Button
            icon={<ArrowUpOutlined aria-hidden />}
            disabled={index <= 0 || move.isPending}
            onClick={() => moveTo(unit.parentId, index - 1)}
          >
            {t('units.moveUp')}
          </Button>
          <Button
            icon={<ArrowDownOutlined aria-hidden />}
            disabled={index < 0 || index >= siblings.length - 1 || move.isPending}
            onClick={() => moveTo(unit.parentId, index + 1)}
          >
            {t('units.moveDown')}
          </Button>
        </Flex>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('units.moveHint')}
      </Typography.Paragraph>
    </section>
  );
}
