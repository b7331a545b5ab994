import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dirWritable, storeOpenMessage } from '../../adapters/store-open-message.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { corruptedDb } from '../store/corrupted-db.js';

const dir = mkdtempSync(join(tmpdir(), 'mtasts-store-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('storeOpenMessage', () => {
  it('says the directory is not writable by this uid, naming MTASTS_DB and the path', () => {
    const message = storeOpenMessage({
      path: '/data/mtasts.db',
      error: new Error('unable to open database file'),
      dirWritable: () => false,
      uid: 1000,
    });
    expect(message).toBe(
      'cannot open the database /data/mtasts.db (MTASTS_DB): /data is not writable by uid 1000: ' +
        'give that user the directory (a volume or chown) or point MTASTS_DB elsewhere',
    );
  });

  it('asks access(2) about the directory the file is in', () => {
    const seen: string[] = [];
    storeOpenMessage({
      path: '/srv/bot/db/mtasts.db',
      error: new Error('x'),
      dirWritable: (d) => (seen.push(d), true),
      uid: 0,
    });
    expect(seen).toEqual(['/srv/bot/db']);
  });

  it('gives the error itself on one line when the directory is writable, with a relative path made absolute', () => {
    const message = storeOpenMessage({
      path: 'data/mtasts.db',
      error: new Error('file is not a database\nsecond line'),
      dirWritable: () => true,
      uid: 0,
    });
    expect(message).toBe(
      `cannot open the database ${join(process.cwd(), 'data/mtasts.db')} (MTASTS_DB): file is not a database second line`,
    );
  });
});

describe('dirWritable', () => {
  it('is true for a directory this process may write and false for one that does not exist', () => {
    expect(dirWritable(dir)).toBe(true);
    expect(dirWritable(join(dir, 'missing'))).toBe(false);
  });
});

describe('storeOpenMessage for a damaged database file', () => {
  it('names MTASTS_DB, the path, the damaged page and what to do, on one line', () => {
    const path = join(dir, 'damaged.db');
    corruptedDb(path);
    let error: unknown;
    try {
      openSqliteStore(path);
    } catch (caught) {
      error = caught;
    }
    expect(storeOpenMessage({ path, error, dirWritable, uid: 0 })).toBe(
      `cannot open the database ${path} (MTASTS_DB): the file is corrupted ` +
        '(quick_check: Tree 3 page 3: btreeInitPage() returns error code 11): ' +
        'move it aside (or restore a backup) and start again to create a new one',
    );
  });
});
