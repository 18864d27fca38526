import { Button } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useServerAction } from '../../hooks/useServerAction';
import type { MeetingSlotProps } from '../slots';
import { useDraftFromMeeting, useMeetingArticle } from './api';
import { usePortalI18n } from './i18n';

/**
 * The meeting page's button for its news article: "Tạo bài viết" on a concluded meeting for
 * editors and the convening side; once drafted, the editor's link to it; once published, "Xem
 * bài viết" on the portal, for every reader of the meeting (the convening side and the invited
 * units).
 */
export default function MeetingArticleAction({ meetingId, state }: MeetingSlotProps) {
  const { t } = usePortalI18n();
  const navigate = useNavigate();
  const run = useServerAction();
  const info = useMeetingArticle(meetingId, state === 'concluded');
  const draft = useDraftFromMeeting();
  if (state !== 'concluded' || !info.data) return null;
  const { article, canDraft } = info.data;
  if (article?.publicUrl)
    return (
      <Button href={article.publicUrl} target="_blank" rel="noreferrer">
        {t('meeting.view')}
      </Button>
    );
  if (article?.editable)
    return <Link to={`/portal/articles/${article.id}`}>{t('meeting.edit')}</Link>;
  // Until it is published, the article is the editors' own.
  if (article) return null;
  if (!canDraft) return null;
  return (
    <Button
      loading={draft.isPending}
      onClick={() =>
        void run(
          async () => {
            const created = await draft.mutateAsync(meetingId);
            // An editor goes on in the editor; the convening side sees it is being edited.
            if ((await info.refetch()).data?.article?.editable)
              void navigate(`/portal/articles/${created.id}`);
          },
          { success: t('meeting.drafted') },
        )
      }
    >
      {t('meeting.draft')}
    </Button>
  );
}
