import { useCallback, useEffect, useRef, useState } from 'react';
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
import { FAR_FACTOR, isFar } from '../../../../src/text/numbers.ts';
import { clearDraft, contentOf, plainText, readDraft, sameContent, writeDraft } from './content';
import { useReportsI18n } from './i18n';
import { IndicatorValues, ProposalsEditor, useFigureProblem } from './ReportFields';
import { ReportFiles } from './ReportFiles';
import { ReportHistory } from './ReportHistory';
import { SectionEditor } from './SectionEditor';
import { ReportPanels } from '../slots';
import { StateTag, formatDay, useFormatNumber, usePeriodLabel } from './shared';

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
  const formatNumber = useFormatNumber();
  const { message, modal } = App.useApp();
  const problemOf = useFigureProblem();
  const queryClient = useQueryClient();
  const periodLabel = usePeriodLabel();
  const [initial] = useState(() => initialState(report));
  const [content, setContent] = useState<ReportContent>(initial.content);
  const [baseVersion, setBaseVersion] = useState(initial.baseVersion);
  const [restoredAt, setRestoredAt] = useState(initial.restoredAt);
  const [conflict, setConflict] = useState<Report | null>(null);
  const [returning, setReturning] = useState<'return' | 'send_back' | null>(null);
  const [figureTexts, setFigureTexts] = useState<Record<number, string>>({});
  const [comment, setComment] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const { save, transition } = useReportMutations(report.id);
  const panelFlushes = useRef(new Set<() => Promise<boolean>>());
  const beforeMove = useCallback((flush: () => Promise<boolean>) => {
    panelFlushes.current.add(flush);
    return () => void panelFlushes.current.delete(flush);
  }, []);
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
    setFigureTexts({});
  };

  // Figures typed that cannot be read (1.5, 1,5 nhà…): nothing is saved or sent until fixed.
  const badFigures = report.indicators.filter((row) => {
    const text = figureTexts[row.indicatorId];
    return text !== undefined && problemOf(row, text) !== null;
  });
  const refuseBadFigures = () => {
    if (badFigures.length === 0) return false;
    message.error(t('report.value.fix', { list: badFigures.map((r) => r.name).join('; ') }));
    return true;
  };

  // What a sender is asked to look at first: sections not written, figures missing or unusual.
  const gapsBeforeSending = (): string[] => {
    const gaps: string[] = [];
    const empty = report.sections.filter((s) => !plainText(content.sections[s.key] ?? ''));
    if (empty.length > 0)
      gaps.push(t('report.confirm.emptySections', { list: empty.map((s) => s.title).join('; ') }));
    const valueOf = (id: number) => content.values.find((v) => v.indicatorId === id)?.value ?? null;
    const missing = report.indicators.filter((i) => valueOf(i.indicatorId) === null);
    if (report.indicators.length > 0 && missing.length === report.indicators.length)
      gaps.push(t('report.confirm.noFigures'));
    else if (missing.length > 0)
      gaps.push(
        t('report.confirm.missingFigures', { list: missing.map((i) => i.name).join('; ') }),
      );
    const far = report.indicators.filter((i) => isFar(valueOf(i.indicatorId), i.farAbove));
    if (far.length > 0)
      gaps.push(
        t('report.confirm.far', {
          factor: FAR_FACTOR,
          list: far.map((i) => `${i.name}: ${formatNumber(valueOf(i.indicatorId))}`).join('; '),
        }),
      );
    return gaps;
  };

  const onAction = (action: ReportAction) => {
    if (action === 'return' || action === 'send_back') {
      setComment('');
      setReturning(action);
      return;
    }
    if (refuseBadFigures()) return;
    const gaps = action === 'send' || action === 'approve' ? gapsBeforeSending() : [];
    if (gaps.length === 0) {
      void act(action);
      return;
    }
    void modal.confirm({
      title: t('report.confirm.title'),
      content: (
        <>
          <Typography.Paragraph>{t('report.confirm.intro')}</Typography.Paragraph>
          <ul>
            {gaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </>
      ),
      okText: t('report.confirm.ok'),
      cancelText: t('common.cancel'),
      onOk: () => act(action),
    });
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
    if (refuseBadFigures()) return null;
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
    // The panels' own unsaved parts first (the answers about the unit's tasks).
    for (const flush of [...panelFlushes.current]) if (!(await flush())) return;
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
      setReturning(null);
      setComment('');
      message.success(t('action.done', { action: t(`action.${action}`) }));
    } catch (error) {
      if (isApiError(error)) message.error(error.message);
    }
  };

  const latestReminder = report.reminders[0];
  // Who returned it last: the unit's head (send_back) or the committee's secretariat (return).
  const returnedBy = [...report.events]
    .sort((a, b) => b.at.localeCompare(a.at))
    .find((e) => e.action === 'return' || e.action === 'send_back')?.actorName;
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
                disabled={!dirty && badFigures.length === 0}
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
                onClick={() => onAction(a)}
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
            title={
              returnedBy
                ? t('report.returnedBy', { actor: returnedBy, comment: report.returnComment })
                : t('report.returned', { comment: report.returnComment })
            }
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
          onText={(id, text) => setFigureTexts((m) => ({ ...m, [id]: text }))}
        />
        <ProposalsEditor
          report={report}
          content={content}
          setContent={setContent}
          errors={fieldErrors}
        />
        <ReportFiles report={report} baseVersion={baseVersion} dirty={dirty} onReport={adopt} />
        <ReportHistory report={report} />
        <ReportPanels
          reportId={report.id}
          unitId={report.unitId}
          periodId={report.periodId}
          beforeMove={beforeMove}
        />
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
        open={returning !== null}
        title={t(returning === 'send_back' ? 'report.sendBackTitle' : 'report.returnTitle')}
        okText={t(`action.${returning ?? 'return'}`)}
        okButtonProps={{ danger: true, disabled: !comment.trim(), loading: transition.isPending }}
        cancelText={t('common.cancel')}
        onOk={() => returning && void act(returning, comment)}
        onCancel={() => setReturning(null)}
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
