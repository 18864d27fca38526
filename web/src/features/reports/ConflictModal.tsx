import { Modal, Typography } from 'antd';
import type { Report, ReportContent } from './api';
import { wordDiff } from './content';
import { DiffText } from './DiffText';
import { useReportsI18n } from './i18n';
import { useFormatNumber } from './shared';

interface Props {
  mine: ReportContent;
  server: Report;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

/** A save refused with 409: what differs between the user's text and the server's, nothing lost. */
export function ConflictModal({ mine, server, onKeepMine, onTakeTheirs }: Props) {
  const { t } = useReportsI18n();
  const formatNumber = useFormatNumber();
  const sections = server.sections
    .map((s) => ({ ...s, changes: wordDiff(mine.sections[s.key] ?? '', s.html) }))
    .filter((s) => s.changes.some((c) => c.op !== 'equal'));
  const values = server.indicators.filter(
    (i) => (mine.values.find((v) => v.indicatorId === i.indicatorId)?.value ?? null) !== i.value,
  );
  return (
    <Modal
      open
      title={t('conflict.title')}
      okText={t('conflict.keepMine')}
      cancelText={t('conflict.takeTheirs')}
      onOk={onKeepMine}
      onCancel={onTakeTheirs}
      width={760}
      closable={false}
      maskClosable={false}
    >
      <Typography.Paragraph>
        {t('conflict.intro', { version: server.version })}
      </Typography.Paragraph>
      {sections.length === 0 && values.length === 0 && (
        <Typography.Paragraph>{t('conflict.same')}</Typography.Paragraph>
      )}
      {sections.map((s) => (
        <div key={s.key}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {s.title}
          </Typography.Title>
          <DiffText changes={s.changes} />
        </div>
      ))}
      {values.map((i) => (
        <Typography.Paragraph key={i.indicatorId}>
          {t('conflict.values', {
            name: i.name,
            mine: formatNumber(mine.values.find((v) => v.indicatorId === i.indicatorId)?.value),
            theirs: formatNumber(i.value),
          })}
        </Typography.Paragraph>
      ))}
    </Modal>
  );
}
