import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../format';
import { RESULT_KINDS, useSearch, type ResultKind, type SearchResult } from './api';
import { useSearchI18n } from './i18n';
import './search.css';

const PAGE_SIZE = 20;

/** Solid tag colours dark enough for white text (WCAG AA). */
const KIND_COLORS: Record<ResultKind, string> = {
  report: '#0958d9',
  proposal: '#531dab',
  minutes: '#595959',
  conclusion: '#a8071a',
  task: '#237804',
  article: '#ad4e00',
};

function ResultLink({ result, label }: { result: SearchResult; label: string }) {
  const title = <span dangerouslySetInnerHTML={{ __html: result.titleHtml }} />;
  if (result.href.startsWith('/app/')) return <Link to={result.href.slice(4)}>{title}</Link>;
  return (
    <a href={result.href} target="_blank" rel="noreferrer">
      {title} <span className="search-external">{label}</span>
    </a>
  );
}

/**
 * The workspace search's results: the words from the header's box (?q=), a kind filter
 * (?kind=), twenty results a page (?page=), each with its kind, title and best passage, the
 * matched words marked.
 */
export default function SearchPage() {
  const { t } = useSearchI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kindParam = params.get('kind');
  const kind = (RESULT_KINDS as readonly string[]).includes(kindParam ?? '')
    ? (kindParam as ResultKind)
    : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const search = useSearch({ q, kind, page, pageSize: PAGE_SIZE });
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const answer = search.data;
  const pages = answer ? Math.ceil(answer.total / PAGE_SIZE) : 0;
  return (
    <>
      <PageHeader title={t('page.title')} />
      <Typography.Paragraph type="secondary">{t('page.intro')}</Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('page.kind')}
          style={{ minWidth: 200 }}
          value={kind ?? ''}
          onChange={(v: string) => set({ kind: v || undefined, page: undefined })}
          options={[
            { value: '', label: t('page.allKinds') },
            ...RESULT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
          ]}
        />
        <span role="status" aria-live="polite">
          {answer && !answer.timedOut && q.trim() !== ''
            ? t(answer.more ? 'page.countMore' : 'page.count', { count: answer.total })
            : ''}
        </span>
      </Flex>
      {q.trim() === '' ? (
        <Typography.Paragraph>{t('page.empty')}</Typography.Paragraph>
      ) : search.isError ? (
        <QueryError error={search.error} onRetry={() => void search.refetch()} />
      ) : !answer ? (
        <Skeleton active />
      ) : answer.timedOut ? (
        <Alert type="warning" showIcon message={t('page.timedOut')} />
      ) : answer.items.length === 0 ? (
        <Typography.Paragraph>{t('page.none', { q })}</Typography.Paragraph>
      ) : (
        <section aria-label={t('page.results')}>
          <ol className="search-results" start={(page - 1) * PAGE_SIZE + 1}>
            {answer.items.map((r) => (
              <li key={`${r.kind}:${r.id}`} className="search-result">
                <Flex gap={8} align="baseline" wrap>
                  <Tag color={KIND_COLORS[r.kind]}>{t(`kind.${r.kind}`)}</Tag>
                  <Typography.Title level={2} className="search-result-title">
                    <ResultLink result={r} label={t('page.external')} />
                  </Typography.Title>
                </Flex>
                <div className="search-result-meta">
                  {[r.unitName, r.at ? formatDateTime(r.at) : null].filter(Boolean).join(' · ')}
                </div>
                {r.snippetHtml && (
                  <p
                    className="search-result-snippet"
                    dangerouslySetInnerHTML={{ __html: r.snippetHtml }}
                  />
                )}
              </li>
            ))}
          </ol>
          {pages > 1 && (
            <nav aria-label={t('page.pageOf', { page })}>
              <Flex gap={8} align="center">
                <Button
                  disabled={page <= 1}
                  onClick={() => set({ page: page > 2 ? String(page - 1) : undefined })}
                >
                  {t('page.prev')}
                </Button>
                <span>{t('page.pageOf', { page })}</span>
                <Button disabled={page >= pages} onClick={() => set({ page: String(page + 1) })}>
                  {t('page.next')}
                </Button>
              </Flex>
            </nav>
          )}
        </section>
      )}
    </>
  );
}
