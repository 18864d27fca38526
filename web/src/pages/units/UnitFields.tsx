import { Form, Input, Select } from 'antd';
import { UNIT_KINDS, type Unit, type UnitKind } from '../../api/types';
import { foldedLabelSearch } from '../../format';
import { requiredRule } from '../../forms';
import { useI18n } from '../../i18n';

export interface UnitFieldValues {
  name: string;
  shortName?: string | null;
  kind: UnitKind;
}

export function unitFieldValues(unit: Unit): UnitFieldValues {
  return { name: unit.name, shortName: unit.shortName, kind: unit.kind };
}

/** An empty short name means "none", which the API spells null. */
export function normalizeShortName(shortName: string | null | undefined): string | null {
  const trimmed = shortName?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Name, short name and kind: the fields shared by the create and edit forms. */
export function UnitFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="name" label={t('units.name')} rules={[requiredRule(t, 'units.name')]}>
        <Input maxLength={255} />
      </Form.Item>
      <Form.Item name="shortName" label={t('units.shortName')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="kind" label={t('units.kind')} rules={[requiredRule(t, 'units.kind', true)]}>
        <Select
          showSearch={foldedLabelSearch}
          options={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))}
        />
      </Form.Item>
    </>
  );
}
