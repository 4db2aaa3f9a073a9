import { spawn, type ChildProcess } from 'node:child_process';
import { BENCH } from './config.js';

export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

/**
 * `stockroom serve` in a child process, so the server has an event loop (and a core) of its own
 * and autocannon's work is not counted against it. The port is picked by the OS and read from
 * the banner; `poolSize` sets PG_POOL_SIZE (ignored on SQLite).
 */
export async function startServer(databaseUrl: string, poolSize: number): Promise<BenchServer> {
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-log', '--port', '0', '--host', '127.0.0.1', '--admin-key', BENCH.adminKey];
  return spawnServer(args, { DATABASE_URL: databaseUrl, PG_POOL_SIZE: String(poolSize) });
}

/** bench/floor-server.ts on the SQLite file at `path`: the least a server can do per movement. */
export async function startFloorServer(path: string): Promise<BenchServer> {
  return spawnServer(['--import', 'tsx', 'bench/floor-server.ts'], { DB_PATH: path });
}

async function spawnServer(args: string[], env: Record<string, string>): Promise<BenchServer> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    return { url: `http://127.0.0.1:${await bannerPort(child)}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function bannerPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`server did not start in ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onExit = (code: number | null) => fail(new Error(`server exited with code ${code}:\n${output}`));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at https?:\/\/[^:\s]+:(\d+)/.exec(output);
      if (!match) return;
      done();
      resolve(Number(match[1]));
    };
    function done() {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      // Keep draining the pipes: a server blocked on a full stderr pipe would stall the bench.
      child.stdout?.resume();
      child.stderr?.resume();
    }
    function fail(error: Error) {
      done();
      reject(error);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}
