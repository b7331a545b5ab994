// zod/mini: the CLI's scan path parses these too, and the mini build bundles to a few dozen KB, not half a MB.
import * as z from 'zod/mini';

/** A missing or malformed variable: the message is one line naming it, never its value (it may be a secret). */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /** Stable, for callers that branch on it (the message may change). */
  readonly code = 'invalid-config';
}

export const port = (name: string) =>
  z.pipe(
    z.string().check(z.regex(/^\d{1,5}$/, { error: `${name} must be a port number (0-65535)` })),
    z.pipe(
      z.transform(Number),
      z.number().check(z.refine((n) => n <= 65_535, { error: `${name} must be a port number (0-65535)` })),
    ),
  );

export const flag = (name: string) =>
  z._default(
    z.pipe(
      z.enum(['1', '0', 'true', 'false', 'yes', 'no'], { error: `${name} must be one of 1, 0, true, false, yes, no` }),
      z.transform((value) => ['1', 'true', 'yes'].includes(value)),
    ),
    false,
  );

/** The variables that are set: an empty (or blank) variable counts as unset. */
export function presentVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''),
  );
}

/** Parses, or throws ConfigError with the first issue's one-line message. */
export function parseEnv<T extends z.core.$ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = z.safeParse(schema, presentVariables(env));
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0]?.message ?? 'invalid environment');
  return parsed.data;
}
