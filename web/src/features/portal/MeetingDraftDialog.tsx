import { Alert, Button, Modal, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../format';
import { useServerAction } from '../../hooks/useServerAction';
import { useArticleMeetings, useDraftFromMeeting, type ArticleMeetingList } from './api';
import { usePortalI18n } from './i18n';

type Row = ArticleMeetingList['items'][number];

/**
 * The articles list's way to write about a concluded meeting, for editors who may not open the
 * meeting's page: the concluded meetings, newest first, each drafted in one click (or opened,
 * when its article exists).
 */
export default function MeetingDraftDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const { t } = usePortalI18n();
  const navigate = useNavigate();
  const run = useServerAction();
  const meetings = useArticleMeetings(open);
  const draft = useDraftFromMeeting();
  return (
    <Modal open={open} title={t('fromMeeting.title')} onCancel={onClose} footer={null} width={760}>
      <p>{t('fromMeeting.intro')}</p>
      {meetings.isError ? (
        <Alert type="error" showIcon message={meetings.error.message} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="small"
          loading={meetings.isLoading}
          dataSource={meetings.data ?? []}
          pagination={false}
          locale={{ emptyText: t('fromMeeting.empty') }}
          columns={[
            { title: t('fromMeeting.col.title'), dataIndex: 'title' },
            {
              title: t('fromMeeting.col.when'),
              key: 'when',
              width: 150,
              render: (_, m) => formatDateTime(m.startsAt),
            },
            {
              title: t('fromMeeting.col.action'),
              key: 'action',
              width: 150,
              render: (_, m) =>
                m.articleId ? (
                  <Button
                    type="link"
                    onClick={() => void navigate(`/portal/articles/${m.articleId}`)}
                  >
                    {t('fromMeeting.open')}
                  </Button>
                ) : (
                  <Button
                    type="primary"
                    aria-label={t('fromMeeting.draftOf', { title: m.title })}
                    loading={draft.isPending && draft.variables === m.id}
                    onClick={() =>
                      void run(async () => {
                        const created = await draft.mutateAsync(m.id);
                        void navigate(`/portal/articles/${created.id}`);
                      })
                    }
                  >
                    {t('fromMeeting.draft')}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
