import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Form, Input, Typography } from 'antd';
import { useCurrentUser } from '../../api/auth';
import { FormDialog } from '../../components/FormDialog';
import { ListPage } from '../../components/ListPage';
import { formatDateTime } from '../../format';
import { createTemplate, useReportsRefresh, useTemplates, type Template } from './api';
import { useReportsI18n } from './i18n';

/** Names a new template; it starts with the default sections and is edited on its own page. */
function NewTemplateModal({ unitId, onClose }: { unitId: number; onClose: () => void }) {
  const { t } = useReportsI18n();
  const navigate = useNavigate();
  const refresh = useReportsRefresh();
  return (
    <FormDialog<{ name: string }, Template>
      title={t('templates.new')}
      submit={({ name }) => createTemplate({ unitId, name: name.trim() })}
      onSaved={(template) => {
        void refresh();
        void navigate(`/templates/${template.id}`);
      }}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('templates.name')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Typography.Text type="secondary">{t('templates.newHint')}</Typography.Text>
    </FormDialog>
  );
}

/** The report templates, with the version each would give a period opened today. */
export default function TemplatesPage() {
  const { t } = useReportsI18n();
  const user = useCurrentUser();
  const templates = useTemplates();
  const [creating, setCreating] = useState(false);
  // Templates belong to a convening unit, whose secretariat creates and edits them.
  const secretariatUnit = user.roles.find((r) => r.role === 'secretariat')?.unitId;
  return (
    <ListPage<Template>
      title={t('templates.title')}
      actions={
        secretariatUnit !== undefined && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('templates.new')}
          </Button>
        )
      }
      query={templates}
      rows={templates.data}
      rowKey="id"
      columns={[
        {
          title: t('templates.name'),
          dataIndex: 'name',
          render: (name: string, x) => <Link to={`/templates/${x.id}`}>{name}</Link>,
        },
        {
          title: t('templates.version'),
          width: 110,
          render: (_: unknown, x) => x.current.number,
        },
        {
          title: t('templates.sectionCount'),
          width: 110,
          render: (_: unknown, x) => x.current.sections.length,
        },
        {
          title: t('templates.updatedAt'),
          dataIndex: 'updatedAt',
          width: 170,
          render: (v: string) => formatDateTime(v),
        },
      ]}
    >
      {creating && secretariatUnit !== undefined && (
        <NewTemplateModal unitId={secretariatUnit} onClose={() => setCreating(false)} />
      )}
    </ListPage>
  );
}
