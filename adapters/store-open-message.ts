import { accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface StoreOpenFailure {
  /** MTASTS_DB as given (relative to the working directory) or the store's default. */
  path: string;
  error: unknown;
  /** Whether this process may create files in the directory (access(2) with W_OK). */
  dirWritable: (dir: string) => boolean;
  /** This process's uid, named so a bind mount can be chowned to it. */
  uid: number | undefined;
}

/** The one line `npm start` stops with when the database cannot be opened; it names MTASTS_DB and the path. */
export function storeOpenMessage({ path, error, dirWritable, uid }: StoreOpenFailure): string {
  const file = resolve(path);
  const dir = dirname(file);
  const reason = dirWritable(dir)
    ? (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ')
    : `${dir} is not writable by uid ${uid ?? 'unknown'}: give that user the directory (a volume or chown) or point MTASTS_DB elsewhere`;
  return `cannot open the database ${file} (MTASTS_DB): ${reason}`;
}

/** access(2) with W_OK: what the kernel lets this process's uid do, unlike the mode bits alone. */
export function dirWritable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
