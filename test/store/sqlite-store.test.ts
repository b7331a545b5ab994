import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SchemaTooNewError } from '../../src/store/migrations.js';
import { openSqliteStore, SqliteCorruptError } from '../../src/store/sqlite-store.js';
import { corruptedDb } from './corrupted-db.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mtasts-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'mtasts.db');
}

describe('openSqliteStore (what only SQLite does; the rest is store-contract.ts)', () => {
  it('creates the file (and its folder) and migrates it to the latest schema version', () => {
    const path = tempDb();
    openSqliteStore(path).close();
    const db = new Database(path);
    // Three steps from the first release, then installations (4), TLS-RPT reports (5) and posted digest slots (6).
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('installations', 'tlsrpt_reports', 'tlsrpt_report_domains', 'tlsrpt_tokens') ORDER BY name",
        )
        .pluck()
        .all(),
    ).toEqual(['installations', 'tlsrpt_report_domains', 'tlsrpt_reports', 'tlsrpt_tokens']);
    db.close();
  });

  it('upgrades a database from the first schema version, keeping its scans', async () => {
    const path = tempDb();
    mkdirSync(dirname(path));
    const old = new Database(path);
    MIGRATIONS[0]!(old);
    old.pragma('user_version = 1');
    old
      .prepare(
        `INSERT INTO scans (domain, scanned_at, verdict, codes, mx) VALUES ('example.com', '2026-01-01T00:00:00.000Z', 'testing', '[]', '["mx1.example.com"]')`,
      )
      .run();
    old.close();
    const store = openSqliteStore(path);
    const [scan] = await store.recentScans('example.com', 1);
    expect(scan).toMatchObject({ verdict: 'testing', mx: ['mx1.example.com'], uncoveredMx: [] });
    expect(await store.watches({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' })).toEqual([]);
    store.close();
  });

  it('counts slots claimed before step 6 as posted, so an upgrade posts no old digest again', async () => {
    const path = tempDb();
    mkdirSync(dirname(path));
    const old = new Database(path);
    MIGRATIONS.slice(0, 5).forEach((step) => step(old));
    old.pragma('user_version = 5');
    old
      .prepare(
        `INSERT INTO digest_slots (platform, workspace_id, channel_id, slot, claimed_at) VALUES ('slack', 'T1', 'C1', '2026-11-30T09:00:00.000Z', '2026-11-30T09:00:05.000Z')`,
      )
      .run();
    old.close();
    const store = openSqliteStore(path);
    expect(await store.unfinishedSlots('2027-01-01T00:00:00.000Z')).toEqual([]);
    store.close();
  });

  it('refuses a database written by a newer mtasts', () => {
    const path = tempDb();
    openSqliteStore(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openSqliteStore(path)).toThrow(SchemaTooNewError);
  });
});

describe('openSqliteStore on a damaged file', () => {
  it('refuses it at open, naming the damaged page and saying to move the file aside', () => {
    const path = tempDb();
    corruptedDb(path);
    expect(() => openSqliteStore(path)).toThrow(
      'the file is corrupted (quick_check: Tree 3 page 3: btreeInitPage() returns error code 11): ' +
        'move it aside (or restore a backup) and start again to create a new one',
    );
  });

  it('refuses a file that is not a database at all', () => {
    const path = tempDb();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, Buffer.alloc(8192, 0x41));
    expect(() => openSqliteStore(path)).toThrow(SqliteCorruptError);
  });
});
