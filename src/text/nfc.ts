// Text arriving from browsers, Word/Excel pastes and Vietnamese IMEs (Unikey, Telex, VNI) mixes
// precomposed (NFC) and decomposed (NFD) forms of the same letters, so equality, uniqueness
// constraints and LIKE queries silently disagree unless everything is normalized once at the edge.

// C0 controls (U+0000–U+001F) minus \t \n \r, plus DEL: NUL breaks PostgreSQL text columns and
// the others are invisible junk from copy/paste that would make equal-looking names unequal.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Returns `s` in Unicode Normalization Form C (precomposed letters). */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Removes C0 control characters (except tab, LF, CR) and DEL, then NFC-normalizes. */
export function cleanText(s: string): string {
  // Strip before normalizing: a control between a base letter and a combining mark would
  // otherwise block composition, leaving a decomposed letter behind after the strip.
  return s.replace(CONTROL_CHARS, '').normalize('NFC');
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  // Fastify's query-string parser yields null-prototype objects; treat them as plain too.
  return proto === Object.prototype || proto === null;
}

/** Copies plain objects/arrays, passing every string through cleanText; other values as-is. */
export function deepNfc<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (!Array.isArray(value) && !isPlainObject(value)) return value;

  // Iterative walk with an explicit stack: request bodies are attacker-controlled and a deeply
  // nested JSON array must not overflow the call stack. The memo keeps shared/cyclic references
  // shared/cyclic in the copy instead of looping forever.
  const memo = new Map<object, object>();
  const stack: Array<{ src: object; dst: object }> = [];

  const copyOf = (v: unknown): unknown => {
    if (typeof v === 'string') return cleanText(v);
    if (typeof v !== 'object' || v === null) return v;
    if (!Array.isArray(v) && !isPlainObject(v)) return v; // Date, Buffer, Map...: leave alone
    const seen = memo.get(v);
    if (seen !== undefined) return seen;
    const dst: object = Array.isArray(v)
      ? []
      : (Object.create(Object.getPrototypeOf(v) as object | null) as object);
    memo.set(v, dst);
    stack.push({ src: v, dst });
    return dst;
  };

  const root = copyOf(value);
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { src, dst } = frame;
    if (Array.isArray(src)) {
      const out = dst as unknown[];
      for (let i = 0; i < src.length; i++) out[i] = copyOf(src[i]);
    } else {
      // Keys are kept verbatim (they are matched against schemas, not shown to people), and are
      // defined rather than assigned so an own "__proto__" key from JSON.parse stays a plain
      // property instead of replacing the copy's prototype.
      for (const key of Object.keys(src)) {
        Object.defineProperty(dst, key, {
          value: copyOf((src as Record<string, unknown>)[key]),
          writable: true,
          enumerable: true,
          configurable: true,
        });
      }
    }
  }
  return root as T;
}
