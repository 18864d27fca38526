import { getLang, translate } from './i18n';

/** An API failure in the shape of docs/API-CONTRACT.md, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, status?: number, code?: string): error is ApiError {
  return (
    error instanceof ApiError &&
    (status === undefined || error.status === status) &&
    (code === undefined || error.code === code)
  );
}

const BASE = '/api/v1';
// A 401 from these means "not signed in" / "wrong credentials", which their pages show themselves.
const NO_REDIRECT_ON_401 = new Set(['/auth/me', '/auth/login']);

let onUnauthenticated: (() => void) | null = null;

/** Registers what to do when the session has ended while the user was working. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message =
    typeof error?.message === 'string' && error.message !== ''
      ? error.message
      : translate(getLang(), 'error.unexpected', { status });
  const fields: Record<string, string> = {};
  if (error && isRecord(error.fields)) {
    for (const [name, text] of Object.entries(error.fields)) {
      if (typeof text === 'string') fields[name] = text;
    }
  }
  return new ApiError(status, code, message, fields);
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLang(),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', translate(getLang(), 'error.network'));
  }
  const text = await response.text();
  let data: unknown = null;
  if (text !== '') {
    try {
      data = JSON.parse(text);
    } catch {
      // A proxy's HTML error page: fall through to the generic message.
    }
  }
  if (!response.ok) {
    const error = parseError(response.status, data);
    const pathOnly = path.split('?')[0] ?? path;
    if (response.status === 401 && !NO_REDIRECT_ON_401.has(pathOnly)) onUnauthenticated?.();
    throw error;
  }
  return data as T;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=x` from the defined, non-empty values only. */
export function toQueryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export const api = {
  get: <T>(path: string, query: Query = {}) => request<T>('GET', path + toQueryString(query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};
