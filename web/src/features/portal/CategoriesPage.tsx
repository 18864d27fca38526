import { useState } from 'react';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  ExportOutlined,
} from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { FormDialog } from '../../components/FormDialog';
import { ListPage } from '../../components/ListPage';
import { useServerAction } from '../../hooks/useServerAction';
import { useCategories, useCategoryMutations, type CategoryEntry } from './api';
import { usePortalI18n } from './i18n';

const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The category's page on the public portal; the slug in it never changes. */
const publicPath = (c: CategoryEntry) => `/chuyen-muc/${c.slug}`;

/** Names a new category; its slug, given or made from the name, is fixed from then on. */
function NewCategoryModal({ onClose }: { onClose: () => void }) {
  const { t } = usePortalI18n();
  const { message } = App.useApp();
  const { create } = useCategoryMutations();
  return (
    <FormDialog<{ name: string; slug?: string }, CategoryEntry>
      title={t('categories.new')}
      submit={({ name, slug }) =>
        create.mutateAsync({ name: name.trim(), slug: slug?.trim() || undefined })
      }
      onSaved={(category) => {
        void message.success(t('categories.created', { name: category.name }));
        onClose();
      }}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('categories.field.name')}
        rules={[{ required: true, whitespace: true, message: t('categories.field.nameRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="slug"
        label={t('categories.field.slug')}
        extra={t('categories.field.slugHint')}
        rules={[{ pattern: SLUG_PATTERN, message: t('categories.field.slugPattern') }]}
      >
        <Input maxLength={120} />
      </Form.Item>
    </FormDialog>
  );
}

/**
 * Renames a category. `category` is the list's latest copy: after a conflict the list reloads
 * and the next save sends the new version, while the name typed here stays.
 */
function RenameCategoryModal({
  category,
  onClose,
}: {
  category: CategoryEntry;
  onClose: () => void;
}) {
  const { t } = usePortalI18n();
  const { message } = App.useApp();
  const { update } = useCategoryMutations();
  const categories = useCategories();
  return (
    <FormDialog<{ name: string }, CategoryEntry>
      title={t('categories.renameTitle', { name: category.name })}
      initialValues={{ name: category.name }}
      submit={({ name }) =>
        update.mutateAsync({ id: category.id, version: category.version, name: name.trim() })
      }
      onSaved={(renamed) => {
        void message.success(t('categories.renamed', { name: renamed.name }));
        onClose();
      }}
      onStale={() => categories.refetch()}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('categories.field.name')}
        extra={t('categories.renameHint', { path: publicPath(category) })}
        rules={[{ required: true, whitespace: true, message: t('categories.field.nameRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
    </FormDialog>
  );
}

/** The portal's categories in navigation order: add, rename, reorder and delete them. */
export default function CategoriesPage() {
  const { t } = usePortalI18n();
  const categories = useCategories();
  const { update, remove } = useCategoryMutations();
  const act = useServerAction();
  const [creating, setCreating] = useState(false);
  const [renamingId, setRenamingId] = useState<number | null>(null);
  const items = categories.data ?? [];
  // Looked up on every render so the dialog always holds the latest version.
  const renaming = items.find((c) => c.id === renamingId);

  // The list reloads after any failure (the mutations settle), so a stale order is replaced.
  const move = (category: CategoryEntry, sortOrder: number) =>
    act(() => update.mutateAsync({ id: category.id, version: category.version, sortOrder }), {
      success: t('categories.moved', { name: category.name, n: sortOrder + 1 }),
    });
  // Articles may have been filed under it since the list loaded: the server names how many.
  const confirmDelete = (category: CategoryEntry) =>
    act(() => remove.mutateAsync(category.id), {
      success: t('categories.deleted', { name: category.name }),
    });

  return (
    <ListPage<CategoryEntry>
      title={t('categories.title')}
      actions={
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('categories.new')}
        </Button>
      }
      intro={t('categories.intro')}
      query={categories}
      rows={categories.data}
      rowKey="id"
      emptyText={t('categories.empty')}
      columns={[
        { title: t('categories.col.name'), dataIndex: 'name' },
        {
          title: t('categories.col.address'),
          key: 'address',
          render: (_, c) => (
            <Typography.Link
              href={publicPath(c)}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t('categories.openPublic', { path: publicPath(c) })}
            >
              {publicPath(c)} <ExportOutlined aria-hidden />
            </Typography.Link>
          ),
        },
        {
          title: t('categories.col.articles'),
          dataIndex: 'articleCount',
          width: 110,
          align: 'right',
        },
        {
          title: t('categories.col.actions'),
          key: 'actions',
          width: 250,
          render: (_, c) => {
            // The position in the whole list, not in the page shown.
            const index = items.indexOf(c);
            return (
              <Space size={4}>
                <Button
                  size="small"
                  aria-label={t('categories.renameOf', { name: c.name })}
                  onClick={() => setRenamingId(c.id)}
                >
                  {t('categories.rename')}
                </Button>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined aria-hidden />}
                  aria-label={t('categories.moveUp', { name: c.name })}
                  title={t('categories.moveUp', { name: c.name })}
                  disabled={index === 0 || update.isPending}
                  onClick={() => void move(c, index - 1)}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined aria-hidden />}
                  aria-label={t('categories.moveDown', { name: c.name })}
                  title={t('categories.moveDown', { name: c.name })}
                  disabled={index === items.length - 1 || update.isPending}
                  onClick={() => void move(c, index + 1)}
                />
                {c.articleCount > 0 ? (
                  <Tooltip title={t('categories.inUse', { count: c.articleCount })}>
                    <Button
                      size="small"
                      danger
                      disabled
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('categories.delete', { name: c.name })}
                    />
                  </Tooltip>
                ) : (
                  <Popconfirm
                    title={t('categories.deleteConfirm', { name: c.name })}
                    description={t('categories.deleteHint', { path: publicPath(c) })}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => void confirmDelete(c)}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('categories.delete', { name: c.name })}
                      title={t('categories.delete', { name: c.name })}
                    />
                  </Popconfirm>
                )}
              </Space>
            );
          },
        },
      ]}
    >
      {creating && <NewCategoryModal onClose={() => setCreating(false)} />}
      {renaming && <RenameCategoryModal category={renaming} onClose={() => setRenamingId(null)} />}
    </ListPage>
  );
}
