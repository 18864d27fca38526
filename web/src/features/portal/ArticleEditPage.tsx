import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { isApiError } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../format';
import {
  uploadImage,
  useArticle,
  useArticleMutations,
  useCategories,
  useCreateArticle,
  useRevisions,
  type Article,
  type ArticleAction,
  type ArticleFields,
} from './api';
import { STATE_COLORS } from './ArticlesPage';
import { usePortalI18n } from './i18n';
import { RichTextEditor } from './RichTextEditor';

const EMPTY: ArticleFields = {
  title: '',
  summary: '',
  bodyHtml: '<p></p>',
  byline: '',
  coverImageId: null,
  coverAlt: '',
  categoryIds: [],
};

function fieldsOf(a: Article): ArticleFields {
  return {
    title: a.title,
    slug: a.slug,
    summary: a.summary,
    bodyHtml: a.bodyHtml,
    byline: a.byline,
    coverImageId: a.coverImageId,
    coverAlt: a.coverAlt,
    categoryIds: a.categories.map((c) => c.id),
  };
}

/** The fields every article has; shared by the new and edit pages. */
function ArticleForm({
  fields,
  setFields,
  coverUrl,
}: {
  fields: ArticleFields;
  setFields: (f: ArticleFields) => void;
  coverUrl: string | null;
}) {
  const { t } = usePortalI18n();
  const categories = useCategories();
  const { message } = App.useApp();
  const set = <K extends keyof ArticleFields>(key: K, value: ArticleFields[K]) =>
    setFields({ ...fields, [key]: value });
  const [cover, setCover] = useState(coverUrl);
  const [uploading, setUploading] = useState(false);
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('field.title')} htmlFor="article-title" required>
        <Input
          id="article-title"
          value={fields.title}
          maxLength={300}
          onChange={(e) => set('title', e.target.value)}
        />
      </Form.Item>
      <Form.Item label={t('field.summary')} htmlFor="article-summary">
        <Input.TextArea
          id="article-summary"
          value={fields.summary}
          maxLength={1000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          onChange={(e) => set('summary', e.target.value)}
        />
      </Form.Item>
      <Form.Item label={<span id="article-body-label">{t('field.body')}</span>}>
        <RichTextEditor
          value={fields.bodyHtml}
          onChange={(html) => set('bodyHtml', html)}
          labelledBy="article-body-label"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('field.byline')} htmlFor="article-byline">
            <Input
              id="article-byline"
              value={fields.byline}
              maxLength={300}
              onChange={(e) => set('byline', e.target.value)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('field.categories')} htmlFor="article-categories">
            <Select
              id="article-categories"
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              value={fields.categoryIds}
              onChange={(v) => set('categoryIds', v)}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('field.cover')} htmlFor="article-cover">
            <Space direction="vertical">
              {cover && (
                <img src={cover} alt={fields.coverAlt} style={{ maxWidth: 240, maxHeight: 160 }} />
              )}
              <Space wrap>
                <Upload
                  id="article-cover"
                  accept="image/jpeg,image/png,image/webp,image/gif"
                  showUploadList={false}
                  customRequest={({ file }) => {
                    setUploading(true);
                    uploadImage(file as File)
                      .then(
                        (img) => {
                          setCover(img.url);
                          set('coverImageId', img.id);
                        },
                        (error: Error) => void message.error(error.message),
                      )
                      .finally(() => setUploading(false));
                  }}
                >
                  <Button icon={<UploadOutlined aria-hidden />} loading={uploading}>
                    {fields.coverImageId === null ? t('edit.chooseCover') : t('edit.changeCover')}
                  </Button>
                </Upload>
                {fields.coverImageId !== null && (
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => {
                      setCover(null);
                      set('coverImageId', null);
                    }}
                  >
                    {t('edit.removeCover')}
                  </Button>
                )}
              </Space>
            </Space>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('field.coverAlt')} htmlFor="article-cover-alt">
            <Input
              id="article-cover-alt"
              value={fields.coverAlt}
              maxLength={300}
              onChange={(e) => set('coverAlt', e.target.value)}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

/** A new article: the form, then "create draft" opens it for editing. */
export function NewArticlePage() {
  const { t } = usePortalI18n();
  const navigate = useNavigate();
  const [fields, setFields] = useState<ArticleFields>(EMPTY);
  const create = useCreateArticle();
  return (
    <>
      <PageHeader
        title={t('edit.newTitle')}
        actions={
          <Button
            type="primary"
            loading={create.isPending}
            disabled={fields.title.trim() === ''}
            onClick={() =>
              create.mutate(fields, {
                onSuccess: (a) => void navigate(`/portal/articles/${a.id}`, { replace: true }),
              })
            }
          >
            {t('edit.create')}
          </Button>
        }
      />
      {create.error && (
        <Alert type="error" showIcon message={create.error.message} style={{ marginBottom: 12 }} />
      )}
      <Card size="small">
        <ArticleForm fields={fields} setFields={setFields} coverUrl={null} />
      </Card>
    </>
  );
}

function Revisions({ id }: { id: number }) {
  const { t } = usePortalI18n();
  const revisions = useRevisions(id);
  if (!revisions.data) return null;
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('edit.revisions')}
        </Typography.Title>
      }
      style={{ marginTop: 16 }}
    >
      {revisions.data.map((r) => (
        <details key={r.id} style={{ marginBottom: 8 }}>
          <summary>
            {t('edit.revisionBy', {
              version: r.version,
              who: r.actorName ?? t('edit.system'),
              when: formatDateTime(r.createdAt),
            })}
          </summary>
          <div style={{ whiteSpace: 'pre-wrap', fontSize: 13, padding: 8, background: '#fafafa' }}>
            {r.changes.map((c, i) =>
              c.added ? (
                <ins key={i} style={{ background: '#d9f7be' }}>
                  {c.value}
                </ins>
              ) : c.removed ? (
                <del key={i} style={{ background: '#ffccc7' }}>
                  {c.value}
                </del>
              ) : (
                <span key={i}>{c.value}</span>
              ),
            )}
          </div>
        </details>
      ))}
    </Card>
  );
}

/** Edit, preview, schedule, publish and unpublish one article. */
export default function ArticleEditPage() {
  const { id: raw } = useParams();
  if (raw === 'new') return <NewArticlePage />;
  return <EditArticle id={Number(raw)} />;
}

function EditArticle({ id }: { id: number }) {
  const article = useArticle(id);
  if (article.error)
    return <QueryError error={article.error} onRetry={() => void article.refetch()} />;
  if (!article.data) return <Skeleton active />;
  return <ArticleEditor key={article.data.id} initial={article.data} />;
}

function ArticleEditor({ initial }: { initial: Article }) {
  const { t } = usePortalI18n();
  const { message } = App.useApp();
  const article = useArticle(initial.id);
  const { save, transition } = useArticleMutations(initial.id);
  const [fields, setFields] = useState<ArticleFields>(() => fieldsOf(initial));
  const [publishAt, setPublishAt] = useState<Dayjs | null>(null);
  const a = article.data ?? initial;
  const conflict =
    isApiError(save.error, 409, 'conflict') || isApiError(transition.error, 409, 'conflict');
  const otherError = !conflict ? (save.error ?? transition.error) : null;
  const reload = () => {
    void article.refetch().then((r) => {
      if (r.data) setFields(fieldsOf(r.data));
      save.reset();
      transition.reset();
    });
  };
  const act = (action: ArticleAction) =>
    transition.mutate(
      {
        version: a.version,
        action,
        ...(action === 'schedule' && publishAt ? { publishAt: publishAt.toISOString() } : {}),
      },
      {
        onSuccess: () => void message.success(t('action.done', { action: t(`action.${action}`) })),
      },
    );
  return (
    <>
      <PageHeader
        title={t('edit.title')}
        actions={
          <>
            <Button href={`/api/v1/portal/articles/${a.id}/preview`} target="_blank">
              {t('edit.preview')}
            </Button>
            {a.state === 'published' && (
              <Button href={a.url} target="_blank">
                {t('edit.open')}
              </Button>
            )}
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { ...fields, version: a.version },
                  {
                    onSuccess: (saved) => {
                      setFields(fieldsOf(saved));
                      void message.success(t('edit.saved'));
                    },
                  },
                )
              }
            >
              {t('edit.save')}
            </Button>
          </>
        }
      />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          message={t('edit.conflict')}
          action={<Button onClick={reload}>{t('edit.reload')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      {otherError && (
        <Alert type="error" showIcon message={otherError.message} style={{ marginBottom: 12 }} />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <Tag color={STATE_COLORS[a.state]}>{t(`state.${a.state}`)}</Tag>
          <span>{t('edit.info', { state: t(`state.${a.state}`), views: a.views })}</span>
          {a.publishAt && <span>{formatDateTime(a.publishAt)}</span>}
          {a.allowedActions.includes('schedule') && (
            <Space>
              <DatePicker
                aria-label={t('field.publishAt')}
                showTime={{ format: 'HH:mm' }}
                format="DD/MM/YYYY HH:mm"
                value={publishAt}
                disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                onChange={setPublishAt}
              />
              <Button
                disabled={!publishAt}
                loading={transition.isPending}
                onClick={() => act('schedule')}
              >
                {t('action.schedule')}
              </Button>
            </Space>
          )}
          {a.allowedActions
            .filter((x) => x !== 'schedule')
            .map((x) => (
              <Button
                key={x}
                danger={x === 'unpublish'}
                type={x === 'publish' ? 'primary' : 'default'}
                loading={transition.isPending}
                onClick={() => act(x)}
              >
                {t(`action.${x}`)}
              </Button>
            ))}
        </Flex>
      </Card>
      <Card size="small">
        <ArticleForm fields={fields} setFields={setFields} coverUrl={a.coverImageUrl} />
      </Card>
      <Revisions id={a.id} />
    </>
  );
}
