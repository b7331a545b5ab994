import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SchemaTooNewError } from '../../src/store/migrations.js';
import type { ScanRecord } from '../../src/store/scan-history.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mtasts-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'mtasts.db');
}

const record = (over: Partial<ScanRecord>): ScanRecord => ({
  domain: 'example.com',
  scannedAt: '2026-11-30T09:00:00.000Z',
  verdict: 'enforced',
  codes: [],
  policyId: 'id1',
  sha256: 'aaa',
  mode: 'enforce',
  mx: ['mx1.example.com'],
  uncoveredMx: [],
  certSerial: '01',
  certNotAfter: '2027-01-01T00:00:00.000Z',
  tlsrpt: 'v=TLSRPTv1; rua=mailto:r@example.com',
  ...over,
});

describe('openSqliteStore', () => {
  it('creates the file (and its folder) and migrates it to the latest schema version', () => {
    const path = tempDb();
    openSqliteStore(path).close();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('upgrades a database from the first schema version, keeping its scans', async () => {
    const path = tempDb();
    mkdirSync(dirname(path));
    const old = new Database(path);
    MIGRATIONS[0]!(old);
    old.pragma('user_version = 1');
    old.prepare(`INSERT INTO scans (domain, scanned_at, verdict, codes, mx) VALUES ('example.com', '2026-01-01T00:00:00.000Z', 'testing', '[]', '["mx1.example.com"]')`).run();
    old.close();
    const store = openSqliteStore(path);
    const [scan] = await store.recentScans('example.com', 1);
    expect(scan).toMatchObject({ verdict: 'testing', mx: ['mx1.example.com'], uncoveredMx: [] });
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

  it('lists the distinct bodies seen under one id, oldest first, and nothing under another id or domain', async () => {
    const store = openSqliteStore(':memory:');
    await store.record(record({ sha256: 'aaa', scannedAt: '2026-11-01T00:00:00.000Z' }));
    await store.record(record({ sha256: 'bbb', scannedAt: '2026-11-02T00:00:00.000Z' }));
    await store.record(record({ sha256: 'aaa', scannedAt: '2026-11-03T00:00:00.000Z' }));
    await store.record(record({ policyId: 'id2', sha256: 'ccc' }));
    await store.record(record({ domain: 'other.com', sha256: 'ddd' }));
    expect(await store.bodiesUnderId('example.com', 'id1')).toEqual([
      { sha256: 'aaa', firstSeen: '2026-11-01T00:00:00.000Z' },
      { sha256: 'bbb', firstSeen: '2026-11-02T00:00:00.000Z' },
    ]);
    store.close();
  });

  it('keeps history across reopening the same file, newest scan first', async () => {
    const path = tempDb();
    const first = openSqliteStore(path);
    await first.record(record({ scannedAt: '2026-11-01T00:00:00.000Z', verdict: 'testing' }));
    first.close();
    const second = openSqliteStore(path);
    const broken = record({ scannedAt: '2026-11-02T00:00:00.000Z', codes: ['mx-mismatch'], verdict: 'broken', uncoveredMx: ['mx2.example.com'] });
    await second.record(broken);
    const recent = await second.recentScans('example.com', 5);
    expect(recent.map((r) => [r.verdict, r.codes])).toEqual([['broken', ['mx-mismatch']], ['testing', []]]);
    expect(recent[0]).toEqual(broken);
    second.close();
  });
});
