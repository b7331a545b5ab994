/** Probes never throw across their boundary: a failure is a value with a named cause. */
export type ProbeResult<T, C extends string> = { ok: true; value: T } | { ok: false; cause: C; detail: string };
