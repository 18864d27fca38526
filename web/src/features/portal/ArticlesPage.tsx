import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../format';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useArticles, useCategories, type ArticleState, type ArticleSummary } from './api';
import { usePortalI18n } from './i18n';

/** Solid tag colours dark enough for white text (WCAG AA). */
export const STATE_COLORS: Record<ArticleState, string> = {
  draft: '#595959',
  scheduled: '#0958d9',
  published: '#237804',
  unpublished: '#ad4e00',
};

/** The editor's list of articles: search (folded, ranked, highlighted), state and category. */
export default function ArticlesPage() {
  const { t } = usePortalI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [state, setState] = useState<ArticleState | undefined>();
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const query = useDebouncedValue(q, 300);
  const categories = useCategories();
  const list = useArticles({ q: query || undefined, state, categoryId, page });
  const states: ArticleState[] = ['draft', 'scheduled', 'published', 'unpublished'];
  return (
    <>
      <PageHeader
        title={t('list.title')}
        actions={
          <Button type="primary" onClick={() => void navigate('/portal/articles/new')}>
            {t('list.new')}
          </Button>
        }
      />
      <Card size="small">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label={t('list.search')}
            placeholder={t('list.search')}
            allowClear
            style={{ maxWidth: 360 }}
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
          <Select
            aria-label={t('list.state')}
            allowClear
            placeholder={t('list.state')}
            style={{ minWidth: 160 }}
            value={state}
            onChange={(v) => {
              setState(v);
              setPage(1);
            }}
            options={states.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          />
          <Select
            aria-label={t('list.category')}
            allowClear
            placeholder={t('list.category')}
            style={{ minWidth: 180 }}
            value={categoryId}
            onChange={(v) => {
              setCategoryId(v);
              setPage(1);
            }}
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Flex>
        {list.error ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ArticleSummary>
            size="small"
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('list.empty') }}
            pagination={{
              current: page,
              pageSize: list.data?.pageSize ?? 20,
              total: list.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              {
                title: t('col.title'),
                key: 'title',
                render: (_, a) => (
                  <div>
                    {/* titleHtml/snippetHtml are escaped by the server; only <mark> is added. */}
                    <Link
                      to={`/portal/articles/${a.id}`}
                      dangerouslySetInnerHTML={{ __html: a.titleHtml }}
                    />
                    {query && (
                      <div
                        style={{ color: '#595959', fontSize: 13 }}
                        dangerouslySetInnerHTML={{ __html: a.snippetHtml }}
                      />
                    )}
                  </div>
                ),
              },
              {
                title: t('col.state'),
                key: 'state',
                width: 140,
                render: (_, a) => <Tag color={STATE_COLORS[a.state]}>{t(`state.${a.state}`)}</Tag>,
              },
              {
                title: t('col.publishAt'),
                key: 'publishAt',
                width: 150,
                render: (_, a) => formatDateTime(a.publishAt),
              },
              { title: t('col.views'), dataIndex: 'views', width: 90, align: 'right' },
              {
                title: t('col.updatedAt'),
                key: 'updatedAt',
                width: 150,
                render: (_, a) => formatDateTime(a.updatedAt),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
