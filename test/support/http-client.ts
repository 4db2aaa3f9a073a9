/** What a server process answered: the status, the content type and the JSON body. */
export interface Reply {
  status: number;
  contentType: string;
  body: Record<string, unknown>;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Requests to real server processes (test/support/server-process.ts) with one API key: `send`
 * returns whatever came back, `call` expects a 2xx answer and returns its JSON.
 */
export function httpClient(apiKey: string) {
  async function request(base: string, method: Method, path: string, body?: unknown): Promise<Response> {
    return fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  }
  return {
    async send(base: string, method: Method, path: string, body?: unknown): Promise<Reply> {
      const response = await request(base, method, path, body);
      return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: (await response.json()) as Record<string, unknown> };
    },
    async call<T>(base: string, method: Method, path: string, body?: unknown): Promise<T> {
      const response = await request(base, method, path, body);
      const json = (await response.json()) as T;
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    },
  };
}
