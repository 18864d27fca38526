import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Form, Input, Modal, Table, Typography } from 'antd';
import { isApiError } from '../../api';
import { useCurrentUser } from '../../api/auth';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../format';
import { showFieldErrors } from '../../forms';
import { createTemplate, useReportsRefresh, useTemplates, type Template } from './api';
import { useReportsI18n } from './i18n';

/** Names a new template; it starts with the default sections and is edited on its own page. */
function NewTemplateModal({ unitId, onClose }: { unitId: number; onClose: () => void }) {
  const { t } = useReportsI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useReportsRefresh();
  const [form] = Form.useForm<{ name: string }>();
  const submit = async ({ name }: { name: string }) => {
    try {
      const template = await createTemplate({ unitId, name: name.trim() });
      await refresh();
      void navigate(`/templates/${template.id}`);
    } catch (error) {
      showFieldErrors(form, error);
      if (isApiError(error)) void message.error(error.message);
    }
  };
  return (
    <Modal
      open
      title={t('templates.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="name"
          label={t('templates.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Typography.Text type="secondary">{t('templates.newHint')}</Typography.Text>
      </Form>
    </Modal>
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
    <>
      <PageHeader
        title={t('templates.title')}
        actions={
          secretariatUnit !== undefined && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('templates.new')}
            </Button>
          )
        }
      />
      <Card size="small">
        {templates.error ? (
          <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
        ) : (
          <Table<Template>
            size="small"
            rowKey="id"
            loading={templates.isLoading}
            dataSource={templates.data ?? []}
            pagination={false}
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
          />
        )}
      </Card>
      {creating && secretariatUnit !== undefined && (
        <NewTemplateModal unitId={secretariatUnit} onClose={() => setCreating(false)} />
      )}
    </>
  );
}
