import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

/** The browser app is served at `/` beside the API, without swallowing the API's 404s. */
describe('web app serving', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
  });
  afterAll(async () => api.close());

  it('answers the app and its client-side routes with HTML, with no key needed', async () => {
    for (const url of ['/', '/items', '/items/OIL-0.5L', '/movements?item=X']) {
      const response = await api.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toContain('text/html');
    }
  });

  it('keeps unknown API paths and missing build files as problem+json 404s', async () => {
    for (const url of ['/api/v1/nope', '/api/nope', '/assets/missing.js', '/missing.png']) {
      const response = await api.request('GET', url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
    }
  });

  it('leaves the app routes out of the OpenAPI document', async () => {
    const doc = await api.get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(doc.paths).every((path) => path.startsWith('/api/'))).toBe(true);
  });
});
