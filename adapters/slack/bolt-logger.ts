import { format } from 'node:util';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

/** Routes Bolt's and the Web API client's logs into the app's pino logger (and so its redaction). */
export function createBoltLogger(logger: Logger): BoltLogger {
  const target = logger.child({ component: 'slack-bolt' });
  return {
    debug: (...msg: unknown[]) => target.debug(format(...msg)),
    info: (...msg: unknown[]) => target.info(format(...msg)),
    warn: (...msg: unknown[]) => target.warn(format(...msg)),
    error: (...msg: unknown[]) => target.error(format(...msg)),
    getLevel: () => LEVELS[target.level] ?? LogLevel.ERROR,
    // The process-wide pino level decides; Bolt's own default must not override it.
    setLevel: () => {},
    setName: () => {},
  };
}
