import { z } from 'zod';

/** A missing or malformed variable: the message is one line naming it, never its value (it may be a secret). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const port = (name: string) =>
  z
    .string()
    .regex(/^\d{1,5}$/, { error: `${name} must be a port number (0-65535)` })
    .transform(Number)
    .refine((n) => n <= 65_535, { error: `${name} must be a port number (0-65535)` });

export const flag = (name: string) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no'], { error: `${name} must be one of 1, 0, true, false, yes, no` })
    .transform((value) => ['1', 'true', 'yes'].includes(value))
    .default(false);

/** The variables that are set: an empty (or blank) variable counts as unset. */
export function presentVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''),
  );
}

/** Parses, or throws ConfigError with the first issue's one-line message. */
export function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = schema.safeParse(presentVariables(env));
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0]?.message ?? 'invalid environment');
  return parsed.data;
}
