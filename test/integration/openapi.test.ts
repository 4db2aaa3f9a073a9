import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/http/openapi.js';

describe('the committed OpenAPI document', () => {
  it('matches the route schemas (regenerate with `npm run openapi`)', async () => {
    const generated = await openApiDocument();
    expect(readFileSync('docs/openapi.json', 'utf8')).toBe(generated);
  });

  it('describes every route with problem+json errors and an API-key scheme', async () => {
    const doc = JSON.parse(await openApiDocument()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { securitySchemes: object } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['apiKey']);
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1')) continue;
      for (const [method, operation] of Object.entries(methods)) {
        expect(Object.keys(operation.responses), `${method} ${path}`).toContain('401');
      }
    }
  });
});
