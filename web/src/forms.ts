import type { FormInstance, FormRule as Rule } from 'antd';
import { isApiError } from './api';
import type { MessageKey, Translate } from './i18n';

type NamePath = (string | number)[];

/**
 * Turns a server field name into an antd name path: "roles.0.unitId", "roles[0].unitId" and
 * "/roles/0/unitId" (JSON pointer, as schema validators report it) all become ['roles', 0, 'unitId'].
 */
export function toNamePath(field: string): NamePath {
  return field
    .split(/[.[\]/]+/)
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * Shows the server's per-field messages under the matching form fields. Returns true when at
 * least one field matched, so the caller can skip the general message.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error)) return false;
  const known = new Set(form.getFieldsError().map((entry) => JSON.stringify(entry.name)));
  const matched = Object.entries(error.fields)
    .map(([field, message]) => ({ name: toNamePath(field), errors: [message] }))
    .filter((entry) => known.has(JSON.stringify(entry.name)));
  form.setFields(matched);
  return matched.length > 0;
}

/** A "please enter / choose the X" rule whose message names the field in the current language. */
export function requiredRule(t: Translate, field: MessageKey, choose = false): Rule {
  const name = t(field).toLocaleLowerCase();
  if (choose) return { required: true, message: t('common.requiredSelect', { field: name }) };
  // Only text rules may mention `whitespace`: its mere presence makes the validator demand a string.
  return { required: true, whitespace: true, message: t('common.required', { field: name }) };
}

/** Passwords: at least 8 characters, as the server requires. */
export function minLengthRule(t: Translate): Rule {
  return { min: 8, message: t('accounts.passwordMin') };
}

/** The value must repeat another field (password confirmation). */
export function sameAsRule(t: Translate, other: string): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_, value: unknown) => {
      if (value && value !== getFieldValue(other)) throw new Error(t('password.mismatch'));
    },
  });
}
