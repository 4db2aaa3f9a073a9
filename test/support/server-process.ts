import { spawn, type ChildProcess } from 'node:child_process';

/** A real `stockroom serve` process, for tests that need several servers on one database. */
export interface ServerProcess {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  pid: number;
  /** Stops the process (SIGTERM, then SIGKILL if it lingers); safe to call twice. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Starts the server on a port the OS picks (`--port 0`) and reads the real port from its banner,
 * so parallel test files never race for a port. The child is killed if the test process exits first.
 */
export async function startServer(options: { databaseUrl: string; adminKey: string }): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-log', '--port', '0', '--host', '127.0.0.1'], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: options.databaseUrl, STOCKROOM_ADMIN_KEY: options.adminKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
  };
  try {
    const port = await waitForPort(child);
    return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? -1, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => finish(new Error(`server did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at https?:\/\/[^:\s]+:(\d+)/.exec(output);
      if (match) finish(null, Number(match[1]));
    };
    const onExit = (code: number | null) => finish(new Error(`server exited with code ${code} before listening:\n${output}`));
    function finish(error: Error | null, port?: number) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining the pipes so a chatty server never blocks on a full buffer.
      child.stdout?.resume();
      child.stderr?.resume();
      if (error) reject(error);
      else resolve(port as number);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts two server processes at once on the same database (so they also race to migrate it) and
 * adds them to `into`; the ones that did start are there to stop even when the other failed.
 */
export async function startServerPair(into: ServerProcess[], options: { databaseUrl: string; adminKey: string }): Promise<void> {
  const started = await Promise.allSettled([0, 1].map(() => startServer(options)));
  for (const s of started) if (s.status === 'fulfilled') into.push(s.value);
  const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
}
