// Text arriving from browsers, Word/Excel pastes and Vietnamese IMEs (Unikey, Telex, VNI) mixes
// precomposed (NFC) and decomposed (NFD) forms of the same letters, so equality, uniqueness
// constraints and LIKE queries silently disagree unless everything is normalized once at the edge.

// C0 controls (U+0000–U+001F) minus \t \n \r, plus DEL: NUL breaks PostgreSQL text columns and
// the others are invisible junk from copy/paste that would make equal-looking names unequal.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

// Format characters that are invisible yet make equal-looking text unequal, or reorder what a
// reader sees: zero-width space/joiners, LRM/RLM and the bidi embeddings, overrides and
// isolates (the "Trojan Source" characters), word joiner and invisible operators, the Arabic
// letter mark, the Mongolian vowel separator and U+FEFF (a BOM pasted mid-text). Stripped from
// every field alike, so a name and its short form are cleaned the same way.
const FORMAT_CHARS = /[\u180E\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

// NUL and unpaired UTF-16 surrogates: not text at all. PostgreSQL refuses NUL in text columns and
// a lone surrogate becomes bytes no UTF-8 reader accepts, so these are refused, not cleaned.
const INVALID_TEXT =
  // eslint-disable-next-line no-control-regex -- matching NUL is the point
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `s` holds NUL or a lone surrogate: text the app refuses rather than cleans. */
export function hasInvalidText(s: string): boolean {
  return INVALID_TEXT.test(s);
}

/** Returns `s` in Unicode Normalization Form C (precomposed letters). */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * Removes C0 control characters (except tab, LF, CR), DEL and invisible format characters, then
 * NFC-normalizes.
 */
export function cleanText(s: string): string {
  // Strip before normalizing: a control between a base letter and a combining mark would
  // otherwise block composition, leaving a decomposed letter behind after the strip.
  return s.replace(CONTROL_CHARS, '').replace(FORMAT_CHARS, '').normalize('NFC');
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return true;
  // Fastify's query-string parser (fast-querystring) yields `new Empty()`, whose prototype is
  // itself a null-prototype object: plain data too, or query strings would escape cleaning.
  return typeof proto === 'object' && Object.getPrototypeOf(proto) === null;
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
