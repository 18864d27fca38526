import { Typography } from 'antd';
import type { AuditEntry } from '../../api/types';
import type { AuditDetailLabels } from '../../features/types';
import { formatDateTime } from '../../format';
import { isMessageKey, useI18n, type Lang, type Translate } from '../../i18n';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** The words for a detail: the entity's own label, else the shell's, else the code itself. */
export function detailWords(
  entityType: string,
  labels: AuditDetailLabels | undefined,
  t: Translate,
  lang: Lang,
) {
  const field = (key: string) => {
    const own = labels?.field[`${entityType}.${key}`]?.[lang];
    if (own) return own;
    const shell = `auditField.${key}`;
    return isMessageKey(shell) ? t(shell) : key;
  };
  const value = (key: string, v: unknown): string => {
    if (v === undefined || v === null) return '—';
    if (typeof v === 'boolean') return t(v ? 'audit.yes' : 'audit.no');
    if (typeof v === 'string') {
      const own = labels?.value[`${entityType}.${key}.${v}`]?.[lang];
      if (own) return own;
      return ISO_INSTANT.test(v) ? formatDateTime(v) : v;
    }
    return JSON.stringify(v);
  };
  return { field, value };
}

/** A recorded side as key → value: an object's fields or a list's positions; else nothing. */
function fieldsOf(side: unknown): Record<string, unknown> {
  return typeof side === 'object' && side !== null ? (side as Record<string, unknown>) : {};
}

/** Every key of either side; a key counts as changed when its JSON differs. */
export function diffRows(before: AuditEntry['before'], after: AuditEntry['after']) {
  const [was, is] = [fieldsOf(before), fieldsOf(after)];
  const keys = [...new Set([...Object.keys(was), ...Object.keys(is)])];
  return keys.map((key) => {
    const old = was[key];
    const next = is[key];
    return { key, old, next, changed: JSON.stringify(old) !== JSON.stringify(next) };
  });
}

const cell: React.CSSProperties = {
  border: '1px solid #d9d9d9',
  padding: '4px 8px',
  verticalAlign: 'top',
  wordBreak: 'break-word',
};
// Changed rows: a pale background plus bold text and a marker, so colour is not the only cue.
const changedRow: React.CSSProperties = { background: '#fff4ce', fontWeight: 600 };

/** Before and after of one audit entry side by side, changed fields highlighted. */
export function AuditDiff({
  entry,
  labels,
}: {
  entry: AuditEntry;
  labels: AuditDetailLabels | undefined;
}) {
  const { t, lang } = useI18n();
  const words = detailWords(entry.entityType, labels, t, lang);
  const rows = diffRows(entry.before, entry.after);
  if (rows.length === 0) return <Typography.Text>{t('audit.noDetails')}</Typography.Text>;
  return (
    <div>
      <table style={{ borderCollapse: 'collapse', width: '100%', maxWidth: 960 }}>
        <thead>
          <tr>
            <th scope="col" style={{ ...cell, width: '20%', textAlign: 'start' }}>
              {t('audit.field')}
            </th>
            <th scope="col" style={{ ...cell, width: '40%', textAlign: 'start' }}>
              {t('audit.before')}
            </th>
            <th scope="col" style={{ ...cell, width: '40%', textAlign: 'start' }}>
              {t('audit.after')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              style={row.changed ? changedRow : undefined}
              data-changed={row.changed}
            >
              <th scope="row" style={{ ...cell, textAlign: 'start', fontWeight: 'inherit' }}>
                {row.changed && <span aria-hidden>● </span>}
                {words.field(row.key)}
                {row.changed && <span className="sr-only"> ({t('audit.changed')})</span>}
              </th>
              <td style={cell}>{words.value(row.key, row.old)}</td>
              <td style={cell}>{words.value(row.key, row.next)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('audit.changedLegend')}
      </Typography.Paragraph>
    </div>
  );
}
