/*
 * E-mail addresses as accounts hold them: what a person types, trimmed, checked for the shape
 * mail servers accept (a local part and a domain with a dot), the domain lower-cased.
 */

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The address to store, or null when it is not one ('' and blanks: no address, also null). */
export function normalizeEmail(raw: string): { ok: true; email: string | null } | { ok: false } {
  const text = raw.trim();
  if (text === '') return { ok: true, email: null };
  if (text.length > 254) return { ok: false };
  const at = text.lastIndexOf('@');
  if (at <= 0) return { ok: false };
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL.test(local)) return { ok: false };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return { ok: false };
  if (/^\d+$/.test(labels.at(-1)!)) return { ok: false };
  return { ok: true, email: `${local}@${domain}` };
}
