import { useState } from 'react';
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Form, Popconfirm, Switch, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api';
import type { Unit } from '../../api/types';
import { reloadUnit, useUnitMutations } from '../../api/units';
import { ActiveTag } from '../../components/ActiveTag';
import { showFieldErrors } from '../../forms';
import { useI18n } from '../../i18n';
import {
  normalizeShortName,
  UnitFields,
  unitFieldValues,
  type UnitFieldValues,
} from './UnitFields';
import { UnitDetails } from './UnitDetails';
import { UnitMoveSection } from './UnitMoveSection';

interface EditValues extends UnitFieldValues {
  active: boolean;
}

interface Props {
  unit: Unit;
  units: readonly Unit[];
  canEdit: boolean;
  onDeleted: () => void;
}

const toValues = (unit: Unit): EditValues => ({ ...unitFieldValues(unit), active: unit.active });

/**
 * View and edit one unit. Mounted per unit (keyed by id), so the form and the version it sends
 * are what this user read, not whatever a background refetch brought in since.
 */
export function UnitEditPanel({ unit, units, canEdit, onDeleted }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const { update, remove } = useUnitMutations();
  const [version, setVersion] = useState(unit.version);
  const [panelError, setPanelError] = useState<string | null>(null);

  /** A 409 conflict: someone saved first. Show their version instead of overwriting it. */
  const reloadAfterConflict = (error: Error) => {
    setPanelError(`${error.message} ${t('error.conflictReloaded')}`);
    reloadUnit(queryClient, unit.id).then(
      (fresh) => {
        setVersion(fresh.version);
        form.setFieldsValue(toValues(fresh));
      },
      (reloadError: Error) => setPanelError(reloadError.message),
    );
  };

  const onError = (error: Error) => {
    if (isApiError(error, 409, 'conflict')) reloadAfterConflict(error);
    else if (!showFieldErrors(form, error)) setPanelError(error.message);
  };

  const submit = (values: EditValues) => {
    setPanelError(null);
    update.mutate(
      {
        id: unit.id,
        version,
        name: values.name.trim(),
        shortName: normalizeShortName(values.shortName),
        kind: values.kind,
        active: values.active,
      },
      {
        onSuccess: (saved) => {
          setVersion(saved.version);
          void message.success(t('common.saved'));
        },
        onError,
      },
    );
  };

  const confirmDelete = () => {
    setPanelError(null);
    remove.mutate(unit.id, {
      onSuccess: () => {
        void message.success(t('units.deleted'));
        onDeleted();
      },
      // 409 unit_has_history: the server explains why (children, accounts, records).
      onError: (error) => setPanelError(error.message),
    });
  };

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{unit.name}</h2>}
      extra={<ActiveTag active={unit.active} />}
    >
      {panelError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={panelError}
          closable={{ onClose: () => setPanelError(null) }}
          style={{ marginBottom: 16 }}
        />
      )}
      {canEdit ? (
        <Form<EditValues>
          form={form}
          name="unit"
          layout="vertical"
          initialValues={toValues(unit)}
          onFinish={submit}
        >
          <UnitFields />
          <Form.Item name="active" label={t('units.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      ) : (
        <UnitDetails unit={unit} parent={units.find((u) => u.id === unit.parentId) ?? null} />
      )}
      {canEdit && (
        <>
          <Divider />
          <UnitMoveSection
            unit={unit}
            units={units}
            version={version}
            onMoved={(moved) => setVersion(moved.version)}
            onError={onError}
          />
          <Divider />
          <Typography.Paragraph type="secondary">{t('units.deleteHint')}</Typography.Paragraph>
          <Popconfirm
            title={t('units.deleteConfirm', { name: unit.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={confirmDelete}
          >
            <Button danger icon={<DeleteOutlined aria-hidden />} loading={remove.isPending}>
              {t('units.delete')}
            </Button>
          </Popconfirm>
        </>
      )}
    </Card>
  );
}
