import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Row, Skeleton } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { isApiError } from '../api';
import { useCurrentUser } from '../api/auth';
import type { Unit } from '../api/types';
import { useUnitMutations, useUnits } from '../api/units';
import { PageHeader } from '../components/PageHeader';
import { QueryError } from '../components/QueryError';
import { useI18n } from '../i18n';
import { canAdministerUnit, isAdmin } from '../roles';
import { ancestorIds, type MoveTarget } from '../unitTree';
import { UnitCreatePanel } from './units/UnitCreatePanel';
import { UnitEditPanel } from './units/UnitEditPanel';
import { UnitTree } from './units/UnitTree';

/** What the right-hand panel shows: the selected unit, or a form for a new one. */
type Creating = { parentId: number | null } | null;

const parentIds = (units: readonly Unit[]) => [
  ...new Set(units.flatMap((u) => (u.parentId === null ? [] : [u.parentId]))),
];

export default function UnitsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const canEdit = isAdmin(user);
  const units = useUnits();
  const { move } = useUnitMutations();
  // The selection lives in the URL so a unit can be linked to and survives a reload.
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('unit') === null ? null : Number(params.get('unit'));
  const [creating, setCreating] = useState<Creating>(null);
  const [expanded, setExpanded] = useState<number[] | null>(null);
  // Bumped after a drag-and-drop move so the open panel re-reads the unit's new version.
  const [panelEpoch, setPanelEpoch] = useState(0);

  if (units.isPending) return <Skeleton active />;
  if (units.isError) return <QueryError error={units.error} onRetry={() => void units.refetch()} />;

  const list = units.data;
  const selected = list.find((u) => u.id === selectedId) ?? null;
  const expandedIds = expanded ?? parentIds(list);

  /** Selects a unit and opens its branch. A unit created a moment ago is not in `list` yet,
   * so the caller may name its parent. */
  const select = (
    id: number | null,
    parentId = list.find((u) => u.id === id)?.parentId ?? null,
  ) => {
    setCreating(null);
    setParams(id === null ? {} : { unit: String(id) }, { replace: true });
    if (parentId !== null) {
      setExpanded([...new Set([...expandedIds, parentId, ...ancestorIds(list, parentId)])]);
    }
  };

  const dragMove = (unit: Unit, target: MoveTarget) => {
    move.mutate(
      { id: unit.id, version: unit.version, ...target },
      {
        onSuccess: () => {
          void message.success(t('units.moved'));
          setPanelEpoch((n) => n + 1);
        },
        onError: (error) => {
          void message.error(error.message);
          if (isApiError(error, 409, 'conflict')) void units.refetch();
        },
      },
    );
  };

  const panel = creating ? (
    <UnitCreatePanel
      units={list}
      parent={list.find((u) => u.id === creating.parentId) ?? null}
      onCreated={(unit) => select(unit.id, unit.parentId)}
      onCancel={() => setCreating(null)}
    />
  ) : selected ? (
    <UnitEditPanel
      key={`${selected.id}:${panelEpoch}`}
      unit={selected}
      units={list}
      canEdit={canAdministerUnit(user, selected.id, list)}
      onDeleted={() => select(null)}
    />
  ) : (
    <Card>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={list.length === 0 ? t('units.empty') : t('units.selectHint')}
      />
    </Card>
  );

  return (
    <>
      <PageHeader
        title={t('units.title')}
        actions={
          canEdit && (
            <>
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setCreating({ parentId: null })}
              >
                {t('units.addRoot')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                disabled={!selected}
                onClick={() => selected && setCreating({ parentId: selected.id })}
              >
                {t('units.addChild')}
              </Button>
            </>
          )
        }
      />
      {!canEdit && (
        <Alert type="info" showIcon title={t('units.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('units.treeLabel')}</h2>}>
            {list.length === 0 ? (
              <Empty description={t('units.empty')} />
            ) : (
              <UnitTree
                units={list}
                selectedId={selectedId}
                expandedIds={expandedIds}
                onExpand={setExpanded}
                onSelect={select}
                onMove={canEdit ? dragMove : undefined}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {panel}
        </Col>
      </Row>
    </>
  );
}
