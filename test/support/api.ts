import type { LightMyRequestResponse } from 'fastify';
import { ensureAdminKey } from '../../src/access/api-key-service.js';
import { buildApp } from '../../src/http/app.js';
import type { Api } from '../../src/http/respond.js';
import { createTestDatabase, type TestDatabase, type TestDialect } from './databases.js';

export const ADMIN_KEY = 'sr_test_admin_key';

export interface TestApi {
  db: TestDatabase;
  app: Api;
  /** Sends a request as the admin key; `headers` may override or add (e.g. idempotency-key). */
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get<T = unknown>(url: string): Promise<T>;
  /** POSTs and expects a 2xx answer, returning its JSON. */
  post<T = unknown>(url: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
  close(): Promise<void>;
}

/** A Stockroom app on a fresh database of the given dialect, driven through `inject()`. */
export async function startTestApi(dialect: TestDialect, options: { sseHeartbeatMs?: number } = {}): Promise<TestApi> {
  const db = await createTestDatabase(dialect);
  await ensureAdminKey(db.store, ADMIN_KEY);
  const app = await buildApp({ store: db.store, ...options });
  const request: TestApi['request'] = (method, url, body, headers = {}) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${ADMIN_KEY}`, ...headers }, ...(body !== undefined && { payload: body as object }) });
  const expectOk = async <T>(response: LightMyRequestResponse): Promise<T> => {
    if (response.statusCode >= 300) throw new Error(`${response.statusCode}: ${response.body}`);
    return response.json<T>();
  };
  return {
    db, app, request,
    get: async (url) => expectOk(await request('GET', url)),
    post: async (url, body, headers) => expectOk(await request('POST', url, body ?? {}, headers)),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
