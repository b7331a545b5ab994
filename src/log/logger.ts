import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LogLevel } from '../config/env-config.js';

export type Logger = PinoLogger;

export interface LoggerOptions {
  level: LogLevel;
  /** Where JSON lines (or pretty text) go; default stdout. */
  destination?: DestinationStream & { isTTY?: boolean };
  /** Human-readable lines instead of JSON; default: only when the destination is a TTY. */
  pretty?: boolean;
}

// Key names whose values are credentials wherever they appear: token, botToken, appToken, signingSecret,
// clientSecret, password, authorization and cookie headers.
const SECRET_KEY = /(token|secret|password)$|^(authorization|proxy-authorization|cookie|set-cookie)$/i;
const CENSOR = '[redacted]';

/** A pino logger that never writes a token or secret, whatever object it is handed. */
export function createLogger({
  level,
  destination = process.stdout,
  pretty = destination.isTTY === true,
}: LoggerOptions): Logger {
  const stream = pretty ? pinoPretty({ destination, sync: true }) : destination;
  const logger = pino(
    {
      level,
      formatters: { log: (object) => censor(object) as Record<string, unknown> },
      // Error serialisation runs after formatters.log, so its output is censored on its own.
      serializers: { err: (error: Error) => censor({ ...pino.stdSerializers.err(error) }) },
    },
    stream,
  );
  // pino serialises child bindings once, without formatters.log; children of children inherit this method.
  const child = logger.child;
  logger.child = function (this: Logger, bindings: pino.Bindings, options?: pino.ChildLoggerOptions) {
    return Reflect.apply(child, this, [censor(bindings), options]) as Logger;
  } as unknown as Logger['child'];
  return logger;
}

function censor(value: unknown, path = new Set<object>()): unknown {
  if (value === null || typeof value !== 'object' || !isPlain(value)) return value;
  if (path.has(value)) return '[Circular]';
  path.add(value);
  const copy = Array.isArray(value)
    ? value.map((item) => censor(item, path))
    : Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) ? CENSOR : censor(item, path)]),
      );
  path.delete(value);
  return copy;
}

// Dates, Buffers, Errors and the like keep their own serialisation; only plain data is walked.
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === Object.prototype || proto === null;
}
