import type { SingletonLogger } from '../../src/store/postgres-singleton.js';

export const silentLogger: SingletonLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
