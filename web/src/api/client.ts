import { apiKey, setApiKey } from './session';
import type { FieldError, Problem } from './types';

/** An API answer that was not a success, with its problem details. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  /** Field messages by JSON Pointer, shortfalls included (they point at the quantity that was too much). */
  get fieldErrors(): FieldError[] {
    const shortfalls = (this.problem.shortfalls ?? []).map((s) => ({ path: s.path, message: `only ${s.available} available at ${s.location}, ${s.requested} requested` }));
    return [...(this.problem.errors ?? []), ...shortfalls];
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as Idempotency-Key, so a retried submission cannot post twice. */
  idempotencyKey?: string;
  /** Overrides the signed-in key (used to check a key before remembering it). */
  key?: string;
}

/** Sends one request with the signed-in key and reads the body; failures become an ApiError. */
async function send(path: string, options: RequestOptions, accept: string): Promise<{ text: string; headers: Headers }> {
  const key = options.key ?? apiKey();
  const headers: Record<string, string> = { accept };
  if (key) headers.authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'No connection', status: 0, detail: 'The Stockroom server cannot be reached. Check the connection and try again.' });
  }
  const text = await response.text();
  if (!response.ok) {
    const json: unknown = text ? safeJson(text) : undefined;
    const problem = isProblem(json) ? json : { type: 'about:blank', title: response.statusText, status: response.status, detail: `The server answered ${response.status} ${response.statusText}` };
    if (response.status === 401 && options.key === undefined) setApiKey(null);
    throw new ApiError(problem);
  }
  return { text, headers: response.headers };
}

/** Calls the API with the signed-in key; a 401 means the key was revoked, so the session ends. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { text } = await send(path, options, 'application/json');
  return (text ? safeJson(text) : undefined) as T;
}

/**
 * A document that is not JSON (printable HTML, CSV), fetched with the key: a plain link or
 * window cannot send the Authorization header, so the app fetches it and shows or saves the text.
 */
export function getDocument(path: string, accept: string): Promise<{ text: string; headers: Headers }> {
  return send(path, {}, accept);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

export const get = <T>(path: string, query?: Query) => request<T>(withQuery(path, query));
export const post = <T>(path: string, body: unknown, idempotencyKey?: string) =>
  request<T>(path, { method: 'POST', body, ...(idempotencyKey && { idempotencyKey }) });
export const patch = <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body });
export const put = <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body });
export const del = <T>(path: string) => request<T>(path, { method: 'DELETE' });

/** Path segment for an id, SKU or code typed by a person. */
export const seg = (value: string) => encodeURIComponent(value);
