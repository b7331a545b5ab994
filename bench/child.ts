import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface Child<T> {
  /** The first message the child sent: what it serves. */
  ready: T;
  process: ChildProcess;
  /** Disconnects; the child closes what it serves and exits. */
  stop(): Promise<void>;
}

/** Forks one of the bench's own programs (bench/<name>.js) and waits for its first message. */
export async function startChild<T>(name: string, args: string[], env: Record<string, string> = {}): Promise<Child<T>> {
  const child = fork(fileURLToPath(new URL(`./${name}.js`, import.meta.url)), args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`bench/${name}.js exited ${code}`))),
  ])) as [T];
  return {
    ready,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}
