import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteWrite } from '../../src/store/sqlite-busy.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { useTempDir } from '../digest/digest-fixtures.js';

const tempDb = useTempDir();
const channel = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' } as const;
const limits = { perChannel: 10, perWorkspace: 100 };

/** Another process's connection on the same file, holding the write lock (BEGIN IMMEDIATE) until released. */
function holdWriteLock(path: string): { release(): void } {
  const other = new Database(path);
  other.prepare('BEGIN IMMEDIATE').run();
  return {
    release() {
      other.prepare('COMMIT').run();
      other.close();
    },
  };
}

describe('SQLite writes while another connection holds the write lock', () => {
  it('wait without blocking the event loop: a timer fires meanwhile, and the write lands after the lock is released', async () => {
    const path = tempDb();
    const store = openSqliteStore(path);
    const lock = holdWriteLock(path);
    const events: string[] = [];
    const watching = store.watch(channel, 'example.com', limits, '2026-12-01T00:00:00.000Z').then((outcome) => {
      events.push('written');
      return outcome;
    });
    // Only a free event loop runs this timer; the release it makes is what lets the write through.
    setTimeout(() => {
      events.push('timer');
      lock.release();
    }, 50);
    expect(await watching).toEqual({ ok: true, added: true });
    expect(events).toEqual(['timer', 'written']);
    expect(await store.watches(channel)).toEqual(['example.com']);
    await store.close();
  });

  it('a read answers at once while the lock is held (WAL)', async () => {
    const path = tempDb();
    const store = openSqliteStore(path);
    await store.watch(channel, 'example.com', limits, '2026-12-01T00:00:00.000Z');
    const lock = holdWriteLock(path);
    expect(await store.watches(channel)).toEqual(['example.com']);
    lock.release();
    await store.close();
  });
});

describe('sqliteWrite', () => {
  it('gives up with SQLITE_BUSY once its bound has passed, and the lock holder is untouched', async () => {
    const path = tempDb();
    openSqliteStore(path).close();
    const lock = holdWriteLock(path);
    const db = new Database(path);
    db.pragma('busy_timeout = 0');
    await expect(
      sqliteWrite(
        () =>
          db
            .prepare(
              "INSERT INTO installations (platform, workspace_id, sealed, installed_at) VALUES ('slack', 'T1', 'x', 'now')",
            )
            .run(),
        30,
      ),
    ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    lock.release();
    expect(db.prepare('SELECT COUNT(*) AS n FROM installations').get()).toEqual({ n: 0 });
    db.close();
  });

  it('throws any other error at once, without retrying', async () => {
    let tries = 0;
    const failure = Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT' });
    await expect(
      sqliteWrite(() => {
        tries += 1;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(tries).toBe(1);
  });
});
