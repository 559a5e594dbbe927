// Starts the real server as people do (`node bin/punte.js serve`, or `npm start`) on a free port of 127.0.0.1,
// and stops it with its whole process group. Shared by every end-to-end test that needs a running server.
import { spawn } from 'node:child_process';
import { BIN, ROOT } from './cli.ts';

export interface ServerProcess {
  /** e.g. http://127.0.0.1:41234 */
  readonly address: string;
  /** Everything the server printed so far (standard output and error). */
  output(): string;
  stop(): Promise<void>;
}

export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  options: { viaNpmStart?: boolean; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const [command, args] = options.viaNpmStart ? ['npm', ['start', '--silent']] : [process.execPath, [BIN, 'serve']];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping `npm start` also stops the node process it started.
    detached: true,
  });
  let output = '';
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 5_000);
      await closed;
      clearTimeout(timer);
    }
  };
  try {
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), options.timeoutMs ?? 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${output}`));
      });
    });
    return { address, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
