import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Api } from './respond.js';

/** Where `npm run build:web` writes the browser app. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stockroom</title></head>
<body><h1>Stockroom</h1><p>The web app is not built yet: run <code>npm run build:web</code> and restart the server.
The API is running: see <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/**
 * Serves the browser app at `/`. Built files get their own routes (hashed assets are cached for a
 * year, index.html never); any other GET outside /api is a client-side route and gets index.html,
 * while unknown /api paths and missing files still fall through to the problem+json 404.
 */
export async function registerWebApp(app: Api, root = WEB_DIST): Promise<void> {
  const built = existsSync(`${root}index.html`);
  await app.register(async (web) => {
    if (built) {
      await web.register(fastifyStatic, {
        root,
        wildcard: false,
        cacheControl: false,
        setHeaders: (res, path) => {
          res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    }
    const appShell = (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0] ?? '';
      // API paths and missing build files (/assets/…, /name.ext) are real 404s, not app routes;
      // deeper paths may hold dots, e.g. an item page for SKU "OIL-0.5L".
      if (path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/') || /^\/[^/]+\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
      if (!built) return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
      return reply.sendFile('index.html');
    };
    web.get('/*', { schema: { hide: true } }, appShell);
    if (!built) web.get('/', { schema: { hide: true } }, appShell);
  });
}
