import { labelsFrom, type AuditDetailLabels } from '../types';
import { portalDictionaries } from './i18n';

const STATES = ['draft', 'scheduled', 'published', 'unpublished'] as const;

/** The audit log's words for the portal's details: what its own pages call them. */
export const auditDetailLabels: AuditDetailLabels = {
  field: labelsFrom(portalDictionaries, {
    'portal_article.state': 'col.state',
    'portal_article.title': 'field.title',
    'portal_article.slug': 'field.slug',
    'portal_article.publishAt': 'field.publishAt',
  }),
  value: labelsFrom(
    portalDictionaries,
    Object.fromEntries(STATES.map((s) => [`portal_article.state.${s}`, `state.${s}` as const])),
  ),
};
