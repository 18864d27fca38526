import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../src/test-support/ports.ts';

/*
 * The app and the command line in processes of their own, as in production: each has its own
 * SQLite connection (and its own event loop, which a connection waiting on a lock blocks).
 */

const root = path.resolve(import.meta.dirname, '..');
const mainTs = path.join(root, 'src', 'cli', 'main.ts');

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `giaoban serve` from the sources on a free port with `env`; resolves once it says it
 * is running (with GIAOBAN_WORKERS, once every worker listens).
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', mainTs, 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Giao Ban is running')) resolve();
    });
    void exited.then((code) => reject(new Error(`server exited early (${code}): ${err}`)));
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    stderr: () => err,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs `giaoban ARGS` from the sources in a process of its own; never rejects. */
export function runGiaoban(
  args: string[],
  env: Record<string, string>,
  onStderr?: (text: string) => void,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', mainTs, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      onStderr?.(stderr);
    });
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
