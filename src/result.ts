/**
 * The one shape of an outcome that can fail without throwing: the value, or `ok: false` with the fields that say
 * why (a parser's reason, a probe's named cause and detail). Each layer names its own failure fields.
 */
export type Result<T, Failure extends object = Record<never, never>> =
  | { ok: true; value: T }
  | ({ ok: false } & Failure);
