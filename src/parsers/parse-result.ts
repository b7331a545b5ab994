/** What every pure parser returns: the parsed value, or the reason it is not valid. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };
