import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Modal, Skeleton, Space, Typography } from 'antd';
import { api, isApiError } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../format';
import {
  reportsKey,
  useReport,
  useReportMutations,
  type Report,
  type ReportAction,
  type ReportContent,
} from './api';
import { ConflictModal } from './ConflictModal';
import { clearDraft, contentOf, readDraft, sameContent, writeDraft } from './content';
import { useReportsI18n } from './i18n';
import { IndicatorValues, ProposalsEditor } from './ReportFields';
import { ReportFiles } from './ReportFiles';
import { ReportHistory } from './ReportHistory';
import { SectionEditor } from './SectionEditor';
import { ReportPanels } from '../slots';
import { StateTag, formatDay, usePeriodLabel } from './shared';

export default function ReportPage() {
  const id = Number(useParams().id);
  const query = useReport(id);
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  return <ReportEditor key={id} report={query.data} />;
}

function initialState(report: Report) {
  const draft = readDraft(report.id);
  const server = contentOf(report);
  if (report.editable && draft && !sameContent(draft.content, server)) {
    return {
      content: draft.content,
      baseVersion: Math.min(draft.baseVersion, report.version),
      restoredAt: draft.at,
    };
  }
  return { content: server, baseVersion: report.version, restoredAt: null as string | null };
}

function ReportEditor({ report }: { report: Report }) {
  const { t } = useReportsI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const periodLabel = usePeriodLabel();
  const [initial] = useState(() => initialState(report));
  const [content, setContent] = useState<ReportContent>(initial.content);
  const [baseVersion, setBaseVersion] = useState(initial.baseVersion);
  const [restoredAt, setRestoredAt] = useState(initial.restoredAt);
  const [conflict, setConflict] = useState<Report | null>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const { save, transition } = useReportMutations(report.id);
  const dirty = report.editable && !sameContent(content, contentOf(report));

  // Drafts autosave in the browser: a reload or a lost connection loses nothing.
  useEffect(() => {
    if (dirty) writeDraft(report.id, { baseVersion, content, at: new Date().toISOString() });
    else clearDraft(report.id);
  }, [dirty, content, baseVersion, report.id]);

  const adopt = (fresh: Report) => {
    queryClient.setQueryData([...reportsKey, 'report', fresh.id], fresh);
    setContent(contentOf(fresh));
    setBaseVersion(fresh.version);
    setFieldErrors({});
  };

  const onSaveError = async (error: unknown) => {
    if (isApiError(error, 409, 'conflict')) {
      const latest = await api.get<Report>(`/reports/${report.id}`);
      queryClient.setQueryData([...reportsKey, 'report', report.id], latest);
      setConflict(latest);
      return;
    }
    if (isApiError(error)) {
      setFieldErrors(error.fields);
      message.error(error.message);
    }
  };

  const doSave = async (): Promise<Report | null> => {
    try {
      const saved = await save.mutateAsync({ version: baseVersion, ...content });
      adopt(saved);
      message.success(t('common.saved'));
      return saved;
    } catch (error) {
      await onSaveError(error);
      return null;
    }
  };

  const act = async (action: ReportAction, note?: string) => {
    let version = baseVersion;
    if (dirty) {
      const saved = await doSave();
      if (!saved) return;
      version = saved.version;
    }
    try {
      const moved = await transition.mutateAsync({
        version,
        action,
        ...(note && { comment: note }),
      });
      adopt(moved);
      setReturning(false);
      setComment('');
      message.success(t('action.done', { action: t(`action.${action}`) }));
    } catch (error) {
      if (isApiError(error)) message.error(error.message);
    }
  };

  const latestReminder = report.reminders[0];
  const readOnlyReason =
    !report.editable && report.state !== 'draft' ? t('report.readOnly.state') : null;
  return (
    <>
      <PageHeader
        title={`${report.unitName}: ${periodLabel({
          kind: report.periodKind,
          year: report.periodYear,
          number: report.periodNumber,
          name: report.periodName,
        })}`}
        actions={
          <>
            {report.editable && (
              <Button
                type={dirty ? 'primary' : 'default'}
                onClick={() => void doSave()}
                loading={save.isPending}
                disabled={!dirty}
              >
                {t('common.save')}
              </Button>
            )}
            {report.actions.map((a) => (
              <Button
                key={a}
                type={a === 'return' || a === 'send_back' ? 'default' : 'primary'}
                danger={a === 'return'}
                loading={transition.isPending}
                onClick={() => (a === 'return' ? setReturning(true) : void act(a))}
              >
                {t(`action.${a}`)}
              </Button>
            ))}
          </>
        }
      />
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <StateTag state={report.state} />
        {report.late && <Typography.Text type="danger">{t('common.late')}</Typography.Text>}
        <Typography.Text type="secondary">
          {t('report.deadline', { date: formatDay(report.deadline) })}
        </Typography.Text>
      </Flex>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {report.returnComment && (report.state === 'returned' || report.state === 'draft') && (
          <Alert
            type="warning"
            showIcon
            title={t('report.returned', { comment: report.returnComment })}
          />
        )}
        {latestReminder && report.state === 'draft' && (
          <Alert
            type="info"
            showIcon
            title={t('report.reminder', {
              date: formatDateTime(latestReminder.at),
              message: latestReminder.message,
            })}
          />
        )}
        {restoredAt && (
          <Alert
            type="info"
            showIcon
            title={t('report.draftRestored', { date: formatDateTime(restoredAt) })}
            action={
              <Button size="small" onClick={() => (adopt(report), setRestoredAt(null))}>
                {t('report.draftDiscard')}
              </Button>
            }
          />
        )}
        {readOnlyReason && (
          <Alert type="info" title={t('report.readOnly', { reason: readOnlyReason })} />
        )}
        {dirty && <Typography.Text type="warning">{t('report.unsaved')}</Typography.Text>}
        <Card title={t('report.sections')} size="small">
          {report.sections.map((s) => (
            <div key={s.key} style={{ marginBottom: 16 }}>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {s.title}
              </Typography.Title>
              <SectionEditor
                label={s.title}
                html={content.sections[s.key] ?? ''}
                editable={report.editable}
                onChange={(html) =>
                  setContent((c) => ({ ...c, sections: { ...c.sections, [s.key]: html } }))
                }
              />
              {fieldErrors[`sections.${s.key}`] && (
                <Typography.Text type="danger">{fieldErrors[`sections.${s.key}`]}</Typography.Text>
              )}
            </div>
          ))}
        </Card>
        <IndicatorValues
          report={report}
          content={content}
          setContent={setContent}
          errors={fieldErrors}
        />
        <ProposalsEditor
          report={report}
          content={content}
          setContent={setContent}
          errors={fieldErrors}
        />
        <ReportFiles report={report} baseVersion={baseVersion} dirty={dirty} onReport={adopt} />
        <ReportHistory report={report} />
        <ReportPanels reportId={report.id} unitId={report.unitId} periodId={report.periodId} />
      </Space>
      {conflict && (
        <ConflictModal
          mine={content}
          server={conflict}
          onKeepMine={() => {
            setBaseVersion(conflict.version);
            setConflict(null);
          }}
          onTakeTheirs={() => {
            adopt(conflict);
            setConflict(null);
          }}
        />
      )}
      <Modal
        open={returning}
        title={t('report.returnTitle')}
        okText={t('action.return')}
        okButtonProps={{ danger: true, disabled: !comment.trim(), loading: transition.isPending }}
        cancelText={t('common.cancel')}
        onOk={() => void act('return', comment)}
        onCancel={() => setReturning(false)}
      >
        <label htmlFor="return-comment">{t('report.returnReason')}</label>
        <Input.TextArea
          id="return-comment"
          rows={4}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </Modal>
    </>
  );
}
