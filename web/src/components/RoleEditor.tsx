import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select, Typography } from 'antd';
import { ROLES, type RoleGrant, type Unit } from '../api/types';
import { foldedLabelSearch } from '../format';
import { requiredRule } from '../forms';
import { useI18n } from '../i18n';
import { UnitTreeSelect } from './UnitTreeSelect';

/** Form rows of (unit, role) for an account; used inside a Form with a `roles` field. */
export function RoleEditor({ units }: { units: readonly Unit[] }) {
  const { t } = useI18n();
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));

  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_, grants: Partial<RoleGrant>[] | undefined) => {
            const seen = new Set<string>();
            for (const grant of grants ?? []) {
              if (grant.unitId === undefined || grant.role === undefined) continue;
              const key = `${grant.unitId}:${grant.role}`;
              if (seen.has(key)) throw new Error(t('accounts.duplicateRole'));
              seen.add(key);
            }
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontWeight: 600, marginBottom: 8, fontSize: 14 }}>
            {t('accounts.rolesLegend')}
          </legend>
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary">{t('accounts.noRoles')}</Typography.Paragraph>
          )}
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start">
              <Form.Item
                name={[field.name, 'unitId']}
                label={t('accounts.roleUnit')}
                rules={[requiredRule(t, 'accounts.roleUnit', true)]}
                style={{ flex: 3, minWidth: 0 }}
              >
                <UnitTreeSelect units={units} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'role']}
                label={t('accounts.roleRole')}
                rules={[requiredRule(t, 'accounts.roleRole', true)]}
                style={{ flex: 2, minWidth: 0 }}
              >
                <Select options={roleOptions} showSearch={foldedLabelSearch} />
              </Form.Item>
              <Button
                aria-label={t('accounts.removeRole')}
                title={t('accounts.removeRole')}
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => remove(field.name)}
                style={{ marginTop: 30 }}
              />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})} block>
            {t('accounts.addRole')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
