import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Select, Skeleton, Typography } from 'antd';
import { api, isApiError } from '../../api';
import { useCurrentUser } from '../../api/auth';
import { UNIT_KINDS, type UnitKind } from '../../api/types';
import { useUnits } from '../../api/units';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { foldedLabelSearch } from '../../format';
import { showFieldErrors } from '../../forms';
import { useI18n } from '../../i18n';
import { holdsRoleOver } from '../../roles';
import { reportsKey, saveTemplate, useIndicators, useTemplate, type Template } from './api';
import { useReportsI18n } from './i18n';
import { TemplateDetails, TemplateVersionInfo } from './TemplateDetails';
import { StaleSaveAlert } from './StaleSaveAlert';
import { sectionKeys, type SectionDraft } from './templateSections';

interface FormValues {
  name: string;
  sections: SectionDraft[];
  indicators: Record<UnitKind, number[]>;
}

// Every kind is set, even to [], so loading another version never leaves a previous choice behind.
const toValues = (template: Template): FormValues => ({
  name: template.name,
  sections: template.current.sections.map((s) => ({ key: s.key, title: s.title })),
  indicators: Object.fromEntries(
    UNIT_KINDS.map((kind) => [
      kind,
      template.current.indicators.find((g) => g.unitKind === kind)?.indicatorIds ?? [],
    ]),
  ) as Record<UnitKind, number[]>,
});

export default function TemplateEditPage() {
  const id = Number(useParams().id);
  const template = useTemplate(id);
  const units = useUnits();
  const user = useCurrentUser();
  // A failed background refetch keeps the data: only a failed first load replaces the editor.
  if (!template.data || !units.data) {
    const error = template.error ?? units.error;
    if (!error) return <Skeleton active />;
    return (
      <QueryError
        error={error}
        onRetry={() => void Promise.all([template.refetch(), units.refetch()])}
      />
    );
  }
  // The server lets the convening unit's secretariat save a template (canRunPeriods).
  return holdsRoleOver(user, 'secretariat', template.data.unitId, units.data) ? (
    <TemplateEditor key={template.data.id} initial={template.data} />
  ) : (
    <TemplateDetails template={template.data} />
  );
}

/**
 * One template's sections and indicators. Mounted per template: the version a save carries is
 * the one this form was loaded from, so a save over someone else's is refused, not lost.
 */
function TemplateEditor({ initial }: { initial: Template }) {
  const { t } = useReportsI18n();
  const shell = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const indicators = useIndicators();
  const [form] = Form.useForm<FormValues>();
  const [shown, setShown] = useState(initial);
  const [baseVersion, setBaseVersion] = useState(initial.version);
  const [stale, setStale] = useState<{ message: string; latest: Template } | null>(null);
  const [saving, setSaving] = useState(false);
  const watched = Form.useWatch('sections', form);
  const keys = sectionKeys(watched ?? []);

  // Active indicators, plus any retired one the template still lists, so it can be seen and removed.
  const listed = new Set(initial.current.indicators.flatMap((g) => g.indicatorIds));
  const indicatorOptions = (indicators.data ?? [])
    .filter((i) => i.active || listed.has(i.id))
    .map((i) => ({
      value: i.id,
      label: i.active
        ? `${i.name} (${i.code})`
        : t('template.inactiveIndicator', { name: `${i.name} (${i.code})` }),
    }));

  const load = (template: Template) => {
    queryClient.setQueryData([...reportsKey, 'template', template.id], template);
    void queryClient.invalidateQueries({ queryKey: [...reportsKey, 'templates'] });
    form.setFieldsValue(toValues(template));
    setShown(template);
    setBaseVersion(template.version);
    setStale(null);
  };

  const submit = async (values: FormValues) => {
    const sectionKeyList = sectionKeys(values.sections);
    setSaving(true);
    try {
      const saved = await saveTemplate(shown.id, {
        version: baseVersion,
        name: values.name.trim(),
        sections: values.sections.map((s, i) => ({
          key: sectionKeyList[i]!,
          title: (s.title ?? '').trim(),
        })),
        indicators: UNIT_KINDS.flatMap((unitKind) => {
          const indicatorIds = values.indicators[unitKind] ?? [];
          return indicatorIds.length > 0 ? [{ unitKind, indicatorIds }] : [];
        }),
      });
      load(saved);
      void message.success(t('template.saved', { number: saved.current.number }));
    } catch (error) {
      if (isApiError(error, 409, 'conflict')) {
        // Someone saved first: keep the form as it is and let the user choose.
        const latest = await api.get<Template>(`/templates/${shown.id}`).catch(() => null);
        if (latest) setStale({ message: error.message, latest });
        else void message.error(error.message);
        return;
      }
      showFieldErrors(form, error);
      if (isApiError(error)) void message.error(error.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('template.title', { name: shown.name })}
        actions={
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        }
      />
      {stale && (
        <StaleSaveAlert
          message={stale.message}
          onReload={() => load(stale.latest)}
          onKeepMine={() => {
            setShown(stale.latest);
            setBaseVersion(stale.latest.version);
            setStale(null);
            void message.info(t('stale.kept'));
          }}
        />
      )}
      <TemplateVersionInfo template={shown} editable />
      <Form<FormValues>
        form={form}
        name="template"
        layout="vertical"
        initialValues={toValues(initial)}
        onFinish={(v) => void submit(v)}
      >
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form.Item
            name="name"
            label={t('templates.name')}
            rules={[{ required: true, whitespace: true }]}
            style={{ marginBottom: 0 }}
          >
            <Input maxLength={300} />
          </Form.Item>
        </Card>
        <Card
          size="small"
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('template.sections')}</h2>}
          style={{ marginBottom: 12 }}
        >
          <Typography.Paragraph type="secondary">{t('template.sectionsHint')}</Typography.Paragraph>
          <Form.List name="sections">
            {(fields, { add, remove, move }) => (
              <>
                {fields.map((field, index) => {
                  const n = index + 1;
                  const saved = Boolean(watched?.[index]?.key);
                  return (
                    <Flex key={field.key} gap={8} align="start">
                      <Form.Item name={[field.name, 'key']} hidden>
                        <Input />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'title']}
                        label={t('template.section', { n })}
                        rules={[{ required: true, whitespace: true }]}
                        extra={
                          keys[index] &&
                          t(saved ? 'template.sectionKey' : 'template.sectionNewKey', {
                            key: keys[index],
                          })
                        }
                        style={{ flex: 1 }}
                      >
                        <Input maxLength={200} />
                      </Form.Item>
                      <Flex gap={4} style={{ marginTop: 30 }}>
                        <Button
                          icon={<ArrowUpOutlined aria-hidden />}
                          aria-label={t('template.moveUp', { n })}
                          title={t('template.moveUp', { n })}
                          disabled={index === 0}
                          onClick={() => move(index, index - 1)}
                        />
                        <Button
                          icon={<ArrowDownOutlined aria-hidden />}
                          aria-label={t('template.moveDown', { n })}
                          title={t('template.moveDown', { n })}
                          disabled={index === fields.length - 1}
                          onClick={() => move(index, index + 1)}
                        />
                        <Button
                          danger
                          icon={<DeleteOutlined aria-hidden />}
                          aria-label={t('template.removeSection', { n })}
                          title={t('template.removeSection', { n })}
                          disabled={fields.length === 1}
                          onClick={() => remove(index)}
                        />
                      </Flex>
                    </Flex>
                  );
                })}
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  disabled={fields.length >= 20}
                  onClick={() => add({ title: '' })}
                >
                  {t('template.addSection')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card
          size="small"
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('template.indicators')}</h2>}
        >
          <Typography.Paragraph type="secondary">
            {t('template.indicatorsHint')}
          </Typography.Paragraph>
          {UNIT_KINDS.map((kind) => (
            <Form.Item key={kind} name={['indicators', kind]} label={shell.t(`unitKind.${kind}`)}>
              <Select
                mode="multiple"
                allowClear
                showSearch={foldedLabelSearch}
                loading={indicators.isLoading}
                placeholder={t('template.noIndicators')}
                options={indicatorOptions}
              />
            </Form.Item>
          ))}
        </Card>
      </Form>
    </>
  );
}
