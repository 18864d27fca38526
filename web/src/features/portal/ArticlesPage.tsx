import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Input, Select, Tag } from 'antd';
import { ListPage, PAGE_SIZE, usePageNumber } from '../../components/ListPage';
import { formatDateTime } from '../../format';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useArticles, useCategories, type ArticleState, type ArticleSummary } from './api';
import { usePortalI18n } from './i18n';
import MeetingDraftDialog from './MeetingDraftDialog';

const STATES: ArticleState[] = ['draft', 'scheduled', 'published', 'unpublished'];

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
  const [fromMeeting, setFromMeeting] = useState(false);
  const [state, setState] = useState<ArticleState | undefined>();
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const { page, setPage, resetting: filter } = usePageNumber();
  const query = useDebouncedValue(q, 300);
  const categories = useCategories();
  const list = useArticles({ q: query || undefined, state, categoryId, page });
  return (
    <ListPage<ArticleSummary>
      title={t('list.title')}
      actions={
        <>
          <Button onClick={() => setFromMeeting(true)}>{t('fromMeeting.button')}</Button>
          <Button type="primary" onClick={() => void navigate('/portal/articles/new')}>
            {t('list.new')}
          </Button>
          <MeetingDraftDialog open={fromMeeting} onClose={() => setFromMeeting(false)} />
        </>
      }
      filters={
        <>
          <Input.Search
            aria-label={t('list.search')}
            placeholder={t('list.search')}
            allowClear
            style={{ maxWidth: 360 }}
            value={q}
            onChange={(e) => filter(setQ)(e.target.value)}
          />
          <Select
            aria-label={t('list.state')}
            allowClear
            placeholder={t('list.state')}
            style={{ minWidth: 160 }}
            value={state}
            onChange={filter(setState)}
            options={STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          />
          <Select
            aria-label={t('list.category')}
            allowClear
            placeholder={t('list.category')}
            style={{ minWidth: 180 }}
            value={categoryId}
            onChange={filter(setCategoryId)}
            options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </>
      }
      query={list}
      rows={list.data?.items}
      rowKey="id"
      emptyText={t('list.empty')}
      paging={{
        page,
        pageSize: list.data?.pageSize ?? PAGE_SIZE,
        total: list.data?.total ?? 0,
        onChange: setPage,
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
  );
}
