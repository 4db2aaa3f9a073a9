#!/usr/bin/env node
// `npm run dev`: the API server (restarted by tsx on every change under src/) and the Vite dev
// server for the web app (hot reload), which forwards /api to the API server. Open the Vite URL.
import { spawn } from 'node:child_process';

const apiPort = process.env.PORT ?? '8080';
const env = { ...process.env, STOCKROOM_API_URL: `http://127.0.0.1:${apiPort}` };
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'src/cli/main.ts', 'serve', '--port', apiPort, ...process.argv.slice(2)], { stdio: 'inherit', env }),
  spawn('npx', ['vite', '--config', 'web/vite.config.ts'], { stdio: 'inherit', env }),
];

console.log(`web app with hot reload: http://localhost:${process.env.WEB_PORT ?? 5173} (forwards /api to port ${apiPort})`);

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
