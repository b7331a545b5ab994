import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { useTempDir } from '../digest/digest-fixtures.js';
import { TEST_DATABASE_URL, useFreshSchemas, withAdmin } from './postgres-test-database.js';

const tempDb = useTempDir();
const CHANNEL = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' } as const;
const watchOne = (store: Store) =>
  store.watch(CHANNEL, 'a.example', { perChannel: 1, perWorkspace: 1 }, '2026-12-01T00:00:00.000Z');

describe('openStore', () => {
  it('opens the SQLite file when no database URL is configured', async () => {
    const path = tempDb();
    const store = await openStore({ dbPath: path });
    await watchOne(store);
    await store.close();
    const reopened = await openStore({ dbPath: path });
    expect(await reopened.watches(CHANNEL)).toEqual(['a.example']);
    await reopened.close();
  });

  describe.skipIf(TEST_DATABASE_URL === undefined)('with MTASTS_TEST_DATABASE_URL', () => {
    const freshSchema = useFreshSchemas();

    it('opens Postgres when a database URL is configured, and leaves the SQLite path alone', async () => {
      const url = await freshSchema();
      const path = tempDb();
      const store = await openStore({ databaseUrl: url, dbPath: path });
      await watchOne(store);
      await store.close();
      expect(existsSync(path)).toBe(false);
      const schema = new URL(url).searchParams.get('options')!.replace('-c search_path=', '');
      const watches = await withAdmin((client) => client.query(`SELECT domain FROM ${schema}.watches`));
      expect(watches.rows).toEqual([{ domain: 'a.example' }]);
    });
  });
});
