import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

export type Lang = 'vi' | 'en';

/** The error answer's shape. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/**
 * A JSON call to the app's API as a signed-in account, in the language asked for; whatever it
 * answers, never a 5xx. `app` is read at call time (tests build it in beforeAll).
 */
export function apiCaller(app: () => FastifyInstance) {
  return async function call<T = unknown>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    cookie: string,
    payload?: object,
    lang: Lang = 'vi',
  ) {
    const response = await app().inject({
      method,
      url: `/api/v1${url}`,
      ...(payload && { payload }),
      headers: { cookie, 'accept-language': lang },
    });
    expect(response.statusCode).toBeLessThan(500);
    return { status: response.statusCode, body: response.json<T>() };
  };
}
