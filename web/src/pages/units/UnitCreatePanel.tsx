import { App, Button, Card, Flex, Form } from 'antd';
import type { Unit } from '../../api/types';
import { useUnitMutations } from '../../api/units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { showFieldErrors } from '../../forms';
import { useI18n } from '../../i18n';
import { normalizeShortName, UnitFields, type UnitFieldValues } from './UnitFields';

interface Props {
  units: readonly Unit[];
  parent: Unit | null;
  onCreated: (unit: Unit) => void;
  onCancel: () => void;
}

interface CreateValues extends UnitFieldValues {
  parentId?: number | null;
}

/** New unit, appended last under the chosen parent (or as a new root). */
export function UnitCreatePanel({ units, parent, onCreated, onCancel }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const { create } = useUnitMutations();

  const submit = (values: CreateValues) => {
    create.mutate(
      {
        parentId: values.parentId ?? null,
        name: values.name.trim(),
        shortName: normalizeShortName(values.shortName),
        kind: values.kind,
      },
      {
        onSuccess: (unit) => {
          void message.success(t('units.created'));
          onCreated(unit);
        },
        onError: (error) => {
          if (!showFieldErrors(form, error)) void message.error(error.message);
        },
      },
    );
  };

  const title = parent
    ? t('units.newChildTitle', { parent: parent.name })
    : t('units.newRootTitle');
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>
      <Form<CreateValues>
        form={form}
        name="unitCreate"
        layout="vertical"
        initialValues={{
          parentId: parent?.id ?? null,
          // A root is usually a convening committee; below it the kinds vary too much to guess.
          kind: parent ? 'other' : 'party_committee',
        }}
        onFinish={submit}
      >
        <UnitFields />
        <Form.Item name="parentId" label={t('units.parent')}>
          <UnitTreeSelect units={units} allowClear placeholder={t('units.noParent')} />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('common.save')}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
