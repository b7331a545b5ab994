import type { Result } from '../result.js';

/** What every pure parser returns: the parsed value, or the reason it is not valid. */
export type ParseResult<T> = Result<T, { reason: string }>;
