import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { UNIT_KINDS } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useIndicators, usePeriods, type Template } from './api';
import { useReportsI18n } from './i18n';
import { TAG_COLORS, usePeriodLabel } from './shared';

/** Open periods of this template, and whether each still uses the current version. */
function TemplatePeriods({ template }: { template: Template }) {
  const { t } = useReportsI18n();
  const periods = usePeriods();
  const label = usePeriodLabel();
  const open = (periods.data ?? []).filter(
    (p) => p.templateId === template.id && p.status === 'open',
  );
  if (open.length === 0) return null;
  return (
    <Flex gap={8} wrap align="center">
      <span>{t('template.periods')}</span>
      {open.map((p) => {
        const current = p.templateVersionId === template.current.id;
        return (
          <span key={p.id}>
            {label(p)}{' '}
            <Tag color={current ? TAG_COLORS.blue : TAG_COLORS.grey}>
              {current ? t('template.periodCurrent') : t('template.periodOlder')}
            </Tag>
          </span>
        );
      })}
    </Flex>
  );
}

/** The current version, and what a save does (and does not do) to periods already opened. */
export function TemplateVersionInfo({
  template,
  editable,
}: {
  template: Template;
  editable: boolean;
}) {
  const { t } = useReportsI18n();
  return (
    <Alert
      type="info"
      title={t('template.currentVersion', {
        number: template.current.number,
        date: formatDateTime(template.current.createdAt),
      })}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {editable && `${t('template.versionNote', { next: template.current.number + 1 })} `}
            {t('template.versionKept')}
          </Typography.Paragraph>
          <TemplatePeriods template={template} />
        </>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

/** A template for readers who may not edit it: plain text reads better than a disabled form. */
export function TemplateDetails({ template }: { template: Template }) {
  const { t } = useReportsI18n();
  const shell = useI18n();
  const indicators = useIndicators();
  const nameOf = (id: number) => {
    const indicator = indicators.data?.find((i) => i.id === id);
    return indicator ? `${indicator.name} (${indicator.code})` : `#${id}`;
  };
  return (
    <>
      <PageHeader title={t('template.title', { name: template.name })} />
      <Alert type="info" showIcon title={t('template.readOnly')} style={{ marginBottom: 12 }} />
      <TemplateVersionInfo template={template} editable={false} />
      <Card
        size="small"
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('template.sections')}</h2>}
        style={{ marginBottom: 12 }}
      >
        <ol style={{ margin: 0 }}>
          {template.current.sections.map((s) => (
            <li key={s.key}>
              {s.title}{' '}
              <Typography.Text type="secondary">
                ({t('template.sectionKey', { key: s.key })})
              </Typography.Text>
            </li>
          ))}
        </ol>
      </Card>
      <Card
        size="small"
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('template.indicators')}</h2>}
      >
        <Descriptions
          column={1}
          bordered
          size="small"
          items={UNIT_KINDS.map((kind) => {
            const ids =
              template.current.indicators.find((g) => g.unitKind === kind)?.indicatorIds ?? [];
            return {
              key: kind,
              label: shell.t(`unitKind.${kind}`),
              children: ids.length > 0 ? ids.map(nameOf).join('; ') : t('template.noIndicators'),
            };
          })}
        />
      </Card>
    </>
  );
}
