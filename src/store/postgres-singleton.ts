import pg from 'pg';
import type { HeldSingleton, HoldSingleton } from './singleton.js';

export interface SingletonLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface PostgresSingletonOptions {
  /** Connection settings for the lock's own connection (never a pooled one: the lock lives as long as it). */
  connection: pg.ClientConfig;
  /** How often a waiting process tries the lock, and the holder checks its connection. */
  pollMs?: number;
  logger: SingletonLogger;
}

/** Ten seconds of polling plus the server's keepalive probes below: a dead holder is replaced within a minute. */
export const SINGLETON_POLL_MS = 10_000;

/** A lock query that has not answered by then means the database is out of reach. */
const HEARTBEAT_TIMEOUT_MS = 5_000;

// The server closes a silent peer's session (and frees its locks) after idle + interval × count seconds.
const SERVER_KEEPALIVE = 'SET tcp_keepalives_idle = 15; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3';

/**
 * Singleton work held through a session advisory lock on a dedicated connection. Every process polls
 * pg_try_advisory_lock; the holder's lock goes when its connection does (the process died or lost the database),
 * and the holder then stops the work too. A holder cut off from the database notices within a poll and a heartbeat
 * timeout and stops, before the server's keepalive probes (about 30 s) free the lock for another process.
 */
export function postgresSingleton({
  connection,
  pollMs = SINGLETON_POLL_MS,
  logger,
}: PostgresSingletonOptions): HoldSingleton {
  return async (name, work) => {
    let client: pg.Client | null = null;
    let held = false;
    let released = false;
    let timer: NodeJS.Timeout | undefined;
    let attempt: Promise<void> = Promise.resolve();
    // The work's start and stop never overlap: a stop waits for the start, the next start for the stop.
    let started: Promise<void> = Promise.resolve();
    let stopped: Promise<void> = Promise.resolve();

    const drop = (reason: unknown): Promise<void> => {
      const lost = held;
      held = false;
      void client?.end().catch(() => undefined);
      client = null;
      if (!lost) return stopped;
      logger.warn({ singleton: name, err: reason }, 'lost the singleton lock: stopping its work');
      stopped = started
        .catch(() => undefined)
        .then(() => work.stop())
        .catch((error: unknown) => logger.error({ singleton: name, err: error }, 'singleton work failed to stop'));
      return stopped;
    };

    const connect = async (): Promise<pg.Client> => {
      const fresh = new pg.Client({
        ...connection,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
        query_timeout: HEARTBEAT_TIMEOUT_MS,
      });
      // A broken connection surfaces here as well as in the next query; either way the lock is gone with it.
      fresh.on('error', (error) => fresh === client && void drop(error));
      fresh.on('end', () => fresh === client && void drop(new Error('lock connection closed')));
      await fresh.connect();
      await fresh.query(SERVER_KEEPALIVE);
      return fresh;
    };

    async function tryOnce(first: boolean): Promise<void> {
      if (held) {
        await client!.query('SELECT 1').catch(drop);
        return;
      }
      await stopped;
      try {
        client ??= await connect();
        // Keyed by schema too: deployments sharing one database each get their own holder.
        const { rows } = await client.query<{ ok: boolean }>(
          `SELECT pg_try_advisory_lock(hashtext('mtasts:singleton:' || current_schema() || ':' || $1)) AS ok`,
          [name],
        );
        if (!rows[0]!.ok) return;
      } catch (error) {
        logger.warn({ singleton: name, err: error }, 'singleton lock unavailable: retrying');
        await drop(error);
        return;
      }
      held = true;
      logger.info({ singleton: name }, 'holding the singleton lock: starting its work');
      started = work.start();
      try {
        await started;
      } catch (error) {
        // Closing the connection frees the lock for another process to try.
        held = false;
        await drop(error);
        if (first) throw error;
        logger.error({ singleton: name, err: error }, 'singleton work failed to start: retrying');
      }
    }

    const schedule = (): void => {
      if (released) return;
      timer = setTimeout(() => {
        attempt = tryOnce(false).finally(schedule);
      }, pollMs);
    };

    attempt = tryOnce(true);
    await attempt;
    schedule();
    return {
      async release(): Promise<void> {
        released = true;
        clearTimeout(timer);
        await attempt.catch(() => undefined);
        await stopped;
        if (held) await work.stop();
        held = false;
        await client?.end().catch(() => undefined);
        client = null;
      },
    } satisfies HeldSingleton;
  };
}
