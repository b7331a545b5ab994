import { afterEach, describe, expect, it } from 'vitest';
import { SchemaTooNewError } from '../../src/store/migrations.js';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres-migrations.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import { TEST_DATABASE_URL, useFreshSchemas, withAdmin } from './postgres-test-database.js';
import { silentLogger } from './silent-logger.js';

const POLL_MS = 100;

/** Ends the session holding the advisory lock on hashtext($1), as the death of its process would. */
const TERMINATE_HOLDER = `
  SELECT pg_terminate_backend(pid) FROM pg_locks
  WHERE locktype = 'advisory' AND granted AND objsubid = 1
    AND classid::bigint = (hashtext($1)::bigint >> 32) & 4294967295 AND objid::bigint = hashtext($1)::bigint & 4294967295`;

describe.skipIf(TEST_DATABASE_URL === undefined)('Postgres store (MTASTS_TEST_DATABASE_URL)', () => {
  const freshSchema = useFreshSchemas();
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  const open = async (url: string) => {
    const store = await openPostgresStore(url, { logger: silentLogger, singletonPollMs: POLL_MS });
    opened.push(store);
    return store;
  };
  const schemaOf = (url: string) => new URL(url).searchParams.get('options')!.replace('-c search_path=', '');

  async function waitFor(condition: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    if (!condition()) throw new Error(`timed out waiting for ${what}`);
  }

  it('migrates once when several replicas start together on an empty database', async () => {
    const url = await freshSchema();
    // Without the lock, the second CREATE TABLE or the second version row would fail one of these opens.
    await Promise.all([open(url), open(url), open(url)]);
    const versions = await withAdmin((client) =>
      client.query(`SELECT version FROM ${schemaOf(url)}.mtasts_migrations ORDER BY version`),
    );
    expect(versions.rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
    expect(POSTGRES_MIGRATIONS).toHaveLength(4);
  });

  it('fails a ping while the schema is behind this version, and answers it again once migrated', async () => {
    const url = await freshSchema();
    const store = await open(url);
    await withAdmin((client) => client.query(`DELETE FROM ${schemaOf(url)}.mtasts_migrations WHERE version = 4`));
    await expect(store.ping()).rejects.toThrow('schema version 3, expected 4');
    await withAdmin((client) => client.query(`INSERT INTO ${schemaOf(url)}.mtasts_migrations (version) VALUES (4)`));
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('refuses a database migrated by a newer mtasts', async () => {
    const url = await freshSchema();
    await (await open(url)).close();
    opened.pop();
    await withAdmin((client) =>
      client.query(
        `INSERT INTO ${schemaOf(url)}.mtasts_migrations (version) VALUES (${POSTGRES_MIGRATIONS.length + 1})`,
      ),
    );
    await expect(openPostgresStore(url, { logger: silentLogger })).rejects.toThrow(SchemaTooNewError);
  });

  it('shares one quota between replicas: a burst split over two gets the limit, not twice it', async () => {
    const url = await freshSchema();
    const [first, second] = [await open(url), await open(url)];
    const limits = { limit: 3, windowMs: 600_000, now: () => 1_000_000 };
    const [a, b] = [first.rateLimiter(limits), second.rateLimiter(limits)];
    const decisions = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).take('slack:T1:U1')));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
    expect(await a.take('slack:T1:U2')).toEqual({ allowed: true });
  });

  it('forgets keys whose whole window has passed', async () => {
    const url = await freshSchema();
    const clock = { now: 0 };
    const limiter = (await open(url)).rateLimiter({ limit: 3, windowMs: 1000, now: () => clock.now });
    await limiter.take('idle');
    clock.now = 5000;
    await limiter.take('active');
    const keys = await withAdmin((client) => client.query(`SELECT key FROM ${schemaOf(url)}.rate_limits`));
    expect(keys.rows).toEqual([{ key: 'active' }]);
  });

  it('runs singleton work in one replica at a time, and the lock moves on when the holder loses its session', async () => {
    const url = await freshSchema();
    const [first, second] = [await open(url), await open(url)];
    const running = new Set<string>();
    const events: string[] = [];
    const work = (who: string) => ({
      start: async () => {
        if (running.size > 0) events.push(`overlap:${who}`);
        running.add(who);
        events.push(`start:${who}`);
      },
      stop: async () => {
        running.delete(who);
        events.push(`stop:${who}`);
      },
    });
    const firstHeld = await first.holdSingleton('gateway', work('first'));
    const secondHeld = await second.holdSingleton('gateway', work('second'));
    expect([...running]).toEqual(['first']);
    // Several polls later the second still waits.
    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 5));
    expect([...running]).toEqual(['first']);

    // The holder's session ends, as when its process is killed: the lock goes with it and the holder stops its work.
    // Its process lives on here and polls again, so the lock goes to whichever replica asks first (a real kill -9
    // and takeover by the other process is tested in test/adapters/replicas.test.ts).
    const ended = await withAdmin((client) =>
      client.query(TERMINATE_HOLDER, [`mtasts:singleton:${schemaOf(url)}:gateway`]),
    );
    expect(ended.rowCount).toBe(1);
    await waitFor(
      () => events.includes('stop:first') && running.size === 1,
      'the work to stop and start again in one replica',
    );
    expect(events.filter((e) => e.startsWith('overlap:'))).toEqual([]);
    await Promise.all([firstHeld.release(), secondHeld.release()]);
    expect([...running]).toEqual([]);
  });
});
