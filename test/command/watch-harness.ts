import { afterEach } from 'vitest';
import type { ChatMessage, NoticeMessage, ReportMessage } from '../../src/chat/chat-message.js';
import type { DigestMessage } from '../../src/chat/digest-message.js';
import { type CommandCoreOptions, createCommandCore } from '../../src/command/command-core.js';
import type { CommandRequest } from '../../src/command/command-handler.js';
import type { Report } from '../../src/report/report.js';
import { scanRecord } from '../../src/store/scan-history.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import type { Channel } from '../../src/store/watch-store.js';
import { FIXTURE_NOW, reportFixture } from './report-fixture.js';

/** The channel `ask` types in. */
export const HERE: Channel = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' };

/**
 * The real core on an in-memory SQLite store, with a stub scan that records history as the real one does.
 * `reports` sets what a domain's next scans return (default: the healthy fixture).
 */
export function useWatchHarness() {
  const stores: SqliteStore[] = [];
  afterEach(() => stores.splice(0).forEach((store) => store.close()));

  return (options: Partial<CommandCoreOptions> = {}) => {
    const clock = { now: FIXTURE_NOW };
    const store = openSqliteStore(':memory:');
    stores.push(store);
    const scanned: string[] = [];
    const reports = new Map<string, Report>();
    const core = createCommandCore({
      scan: async (domain) => {
        scanned.push(domain);
        const report = reports.get(domain) ?? reportFixture({ domain });
        await store.record(scanRecord(report, new Date(clock.now)));
        return report;
      },
      watches: store,
      now: () => clock.now,
      ...options,
    });
    const ask = (text: string, who: Partial<CommandRequest> = {}): Promise<ChatMessage> =>
      core.handle({ ...HERE, userId: 'U1', text, ...who });
    return { clock, store, scanned, reports, core, ask };
  };
}

export function asReport(message: ChatMessage): ReportMessage {
  if (message.kind !== 'report')
    throw new Error(`expected a report, got a ${message.kind}: ${JSON.stringify(message).slice(0, 300)}`);
  return message;
}

export function asNotice(message: ChatMessage): NoticeMessage {
  if (message.kind !== 'notice')
    throw new Error(`expected a notice, got a ${message.kind}: ${JSON.stringify(message).slice(0, 300)}`);
  return message;
}

export function asDigest(message: ChatMessage): DigestMessage {
  if (message.kind !== 'digest')
    throw new Error(`expected a digest, got a ${message.kind}: ${JSON.stringify(message).slice(0, 300)}`);
  return message;
}
