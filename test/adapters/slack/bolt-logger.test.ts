import { LogLevel } from '@slack/bolt';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createBoltLogger } from '../../../adapters/slack/bolt-logger.js';

function capture(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

describe('createBoltLogger', () => {
  it('writes Bolt’s log calls as pino records at the same level, tagged as coming from Bolt', () => {
    const { logger, lines } = capture('debug');
    const bolt = createBoltLogger(logger);
    bolt.debug('ack() call begins', { body: 1 });
    bolt.warn('Rate limited, retry after', 3, 's');
    expect(lines).toEqual([
      expect.objectContaining({ level: 20, component: 'slack-bolt', msg: 'ack() call begins { body: 1 }' }),
      expect.objectContaining({ level: 40, component: 'slack-bolt', msg: 'Rate limited, retry after 3 s' }),
    ]);
  });

  it('reports the pino level and ignores Bolt’s attempt to change it', () => {
    const { logger, lines } = capture('warn');
    const bolt = createBoltLogger(logger);
    expect(bolt.getLevel()).toBe(LogLevel.WARN);
    bolt.setLevel(LogLevel.DEBUG);
    bolt.info('not shown');
    expect(lines).toEqual([]);
    expect(bolt.getLevel()).toBe(LogLevel.WARN);
  });
});
