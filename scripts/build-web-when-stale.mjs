#!/usr/bin/env node
// Runs before `npm start`: builds the web app when web/dist has no build yet, or one older than
// the app's sources, so a fresh `npm ci && npm start` (or a pull) serves the current app.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = 'web/dist/index.html';

function newestSource(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

const sources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts'].filter((p) => existsSync(p));
if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= Math.max(...sources.map(newestSource))) process.exit(0);
if (!existsSync('node_modules/vite/package.json')) {
  console.warn('The web app is not built and Vite is not installed (npm ci installs it): the server will run the API only.');
  process.exit(0);
}
console.log('Building the web app…');
const result = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
if (result.status !== 0) console.warn('The web app did not build: the server will run the API only.');
