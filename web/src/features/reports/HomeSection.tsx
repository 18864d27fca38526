import { Typography } from 'antd';
import type { Todo } from '../../api/todo';
import { formatDateTime } from '../../format';
import { TodoCard } from '../../home/TodoCard';
import { makeFeatureI18n } from '../types';
import { reportsTodoOf, type ReportTodoItem } from './home';
import { formatDay, StateTag, usePeriodNameById } from './shared';

const vi = {
  toWrite: 'Báo cáo cần hoàn thành',
  toApprove: 'Báo cáo chờ duyệt',
  reminders: 'Nhắc nhở của Văn phòng',
  boards: 'Tình hình nộp báo cáo',
  proposals: 'Kiến nghị chờ trả lời',
  allProposals: 'Xem tất cả {n} kiến nghị',
  deadline: 'Hạn nộp {date}',
  overdue: 'quá hạn {n} ngày',
  dueToday: 'hết hạn hôm nay',
  boardOverdue: 'đã quá hạn, còn đơn vị chưa gửi',
  daysLeft: 'còn {n} ngày',
  reason: 'Lý do trả lại ({name}):',
  sentBy: '{name}, {at}',
  openReport: 'Báo cáo {period}',
  board: 'Đã gửi {sent}/{units} · nộp muộn {late} · chưa gửi {missing} · chờ tiếp nhận {review}',
};
const en: typeof vi = {
  toWrite: 'Reports to complete',
  toApprove: 'Reports awaiting your approval',
  reminders: 'Reminders from the secretariat',
  boards: 'Who has reported',
  proposals: 'Proposals to answer',
  allProposals: 'See all {n} proposals',
  deadline: 'Due {date}',
  overdue: '{n} days overdue',
  dueToday: 'due today',
  boardOverdue: 'overdue, units still missing',
  daysLeft: '{n} days left',
  reason: 'Returned ({name}):',
  sentBy: '{name}, {at}',
  openReport: 'Report {period}',
  board: 'Sent {sent}/{units} · late {late} · missing {missing} · to accept {review}',
};
const useHomeI18n = makeFeatureI18n({ vi, en });

function Deadline({ item }: { item: ReportTodoItem }) {
  const { t } = useHomeI18n();
  const left =
    item.daysLeft < 0
      ? t('overdue', { n: -item.daysLeft })
      : item.daysLeft === 0
        ? t('dueToday')
        : t('daysLeft', { n: item.daysLeft });
  return (
    <Typography.Text type={item.overdue ? 'danger' : 'secondary'} strong={item.overdue}>
      {t('deadline', { date: formatDay(item.deadline) })} · {left}
    </Typography.Text>
  );
}

/** The reporting cards of the home page: what to write, approve, follow and answer. */
export default function ReportsHomeSection({ todo }: { todo: Todo }) {
  const { t } = useHomeI18n();
  const periodName = usePeriodNameById();
  const part = reportsTodoOf(todo);
  if (!part) return null;
  const reportItems = (items: ReportTodoItem[]) =>
    items.map((item) => ({
      key: item.reportId,
      to: `/reports/${item.reportId}`,
      title: `${periodName(item.periodId, item.periodName)} – ${item.unitName}`,
      meta: <StateTag state={item.state} />,
      danger: item.overdue,
      detail: (
        <>
          <Deadline item={item} />
          {item.comment && (
            <div className="todo-quote">
              <strong>{t('reason', { name: item.commentByName ?? '' })}</strong> {item.comment}
            </div>
          )}
        </>
      ),
    }));
  return (
    <>
      <TodoCard title={t('toWrite')} items={reportItems(part.toWrite)} />
      <TodoCard
        title={t('reminders')}
        items={part.reminders.map((m, i) => ({
          key: `${m.reportId}-${i}`,
          to: `/reports/${m.reportId}`,
          title: t('openReport', { period: periodName(m.periodId, m.periodName) }),
          meta: (
            <Typography.Text type="secondary">
              {t('sentBy', { name: m.sentByName ?? '', at: formatDateTime(m.at) })}
            </Typography.Text>
          ),
          detail: <div className="todo-quote">{m.message}</div>,
        }))}
      />
      <TodoCard title={t('toApprove')} items={reportItems(part.toApprove)} />
      <TodoCard
        title={t('boards')}
        items={part.boards.map((b) => ({
          key: b.periodId,
          to: `/periods/${b.periodId}`,
          title: periodName(b.periodId, b.periodName),
          danger: b.overdue,
          detail: (
            <>
              <Typography.Text type={b.overdue ? 'danger' : 'secondary'} strong={b.overdue}>
                {t('deadline', { date: formatDay(b.deadline) })}
                {b.overdue && ` · ${t('boardOverdue')}`}
              </Typography.Text>
              <div>
                {t('board', {
                  sent: b.sent,
                  units: b.units,
                  late: b.late,
                  missing: b.missing,
                  review: b.toReview,
                })}
              </div>
            </>
          ),
        }))}
      />
      <TodoCard
        title={t('proposals')}
        count={part.proposals.total}
        items={part.proposals.items.map((p) => ({
          key: p.id,
          to: '/proposals',
          title: `${p.unitName} – ${periodName(p.periodId, p.periodName)}`,
          detail: <div className="todo-quote">{p.text}</div>,
        }))}
        more={
          part.proposals.total > part.proposals.items.length
            ? { to: '/proposals', label: t('allProposals', { n: part.proposals.total }) }
            : undefined
        }
      />
    </>
  );
}
