import { channelDigest, type ChannelDigest } from '../digest/channel-digest.js';
import { DIGEST_CONCURRENCY, DIGEST_DEADLINE_MS } from '../digest/run-digest.js';
import type { Report } from '../report/report.js';
import { domainSessions } from '../tlsrpt/domain-sessions.js';
import { ingestReport } from '../tlsrpt/ingest-report.js';
import { DEFAULT_WATCH_LIMITS, type Channel, type WatchLimits } from '../store/watch-store.js';
import type { ChatMessage, NoticeMessage } from './chat-message.js';
import type { CommandHandler, CommandHooks, CommandRequest } from './command-handler.js';
import { digestNowCommand } from './digest-now-command.js';
import { digestScheduleCommand } from './digest-schedule-command.js';
import { helpMessage, usageMessage } from './help-message.js';
import { parseCommand } from './parse-command.js';
import { createSlidingWindowLimiter, type RateLimiter } from './rate-limiter.js';
import { channelReport } from './channel-report.js';
import type { UploadHandler } from './report-upload.js';
import { reportMessage } from './report-message.js';
import { uploadMessage } from './upload-message.js';
import { reportsCommand, reportsEndpointCommand, type ReportsDeps } from './reports-command.js';
import { createScanGate, DEFAULT_LIMITS, type CommandLimits } from './scan-gate.js';
import { unwatchCommand } from './unwatch-command.js';
import { channelOf, type WatchCommandStore, type WatchDeps } from './watch-deps.js';
import { watchCommand } from './watch-command.js';
import { watchesCommand } from './watches-command.js';

/** Where the core reports a scan that threw or a hook that failed; a pino logger fits. */
export interface CoreLogger {
  error(details: object, message: string): void;
}

export interface DigestScanLimits {
  /** Scans of one digest at once (all of them still pass the core's concurrency queue). */
  concurrency: number;
  /** Per domain, in ms: a domain slower than this shows as timed out. */
  deadlineMs: number;
}

export interface CommandCoreOptions {
  scan: (domain: string) => Promise<Report>;
  /** Watches, schedules and digests per channel, and the scan history `watches` shows. */
  watches: WatchCommandStore;
  /** Milliseconds since the epoch; injected so tests drive windows, TTLs and digest slots. */
  now?: () => number;
  limits?: Partial<CommandLimits>;
  watchLimits?: WatchLimits;
  digest?: Partial<DigestScanLimits>;
  /** Replaces the in-memory per-user limiter (e.g. one shared between replicas). */
  rateLimiter?: RateLimiter;
  logger?: CoreLogger;
  /** TLS-RPT reports per channel: the reports commands, and the findings their numbers add to scans and digests. */
  reports?: ReportsDeps;
}

export interface CommandCore extends CommandHandler, UploadHandler {
  /** A channel's digest, scanned through the core's cache and queue: what both `digest now` and the scheduler use. */
  digest(channel: Channel): Promise<ChannelDigest>;
}

export function createCommandCore(options: CommandCoreOptions): CommandCore {
  const { now = Date.now, logger } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const limiter =
    options.rateLimiter ?? createSlidingWindowLimiter({ limit: limits.scansPerWindow, windowMs: limits.windowMs, now });
  const gate = createScanGate({ scan: options.scan, now, limits, limiter, logger });
  const { concurrency = DIGEST_CONCURRENCY, deadlineMs = DIGEST_DEADLINE_MS } = options.digest ?? {};
  const { reports } = options;
  const digest = (channel: Channel): Promise<ChannelDigest> =>
    channelDigest(channel, {
      store: options.watches,
      scan: async (domain) => channelReport(reports, channel, await gate.scan(domain), new Date(now())),
      concurrency,
      deadlineMs,
      now: () => new Date(now()),
      logger,
      ...(reports && {
        tlsRptSessions: async (domain: string, since: Date) =>
          domainSessions(await reports.store.tlsRptReports(channel, domain, { receivedAfter: since.toISOString() }), domain),
      }),
    });
  const deps: WatchDeps = {
    store: options.watches,
    gate,
    limits: options.watchLimits ?? DEFAULT_WATCH_LIMITS,
    now,
    digest,
    channelReport: (channel, report) => channelReport(reports, channel, report, new Date(now())),
  };

  async function answer(request: CommandRequest, hooks: CommandHooks | undefined): Promise<ChatMessage> {
    const command = parseCommand(request.text);
    switch (command.kind) {
      case 'help':
        return helpMessage();
      case 'invalid':
        return usageMessage(command.about, command.reason);
      case 'scan': {
        const scanned = await gate.forUser(request, command.domain, hooks);
        if (!scanned.ok) return scanned.refusal;
        const report = await channelReport(reports, channelOf(request), scanned.report, new Date(now()));
        return reportMessage(report, { now: now(), notes: scanned.notes });
      }
      case 'watch':
        return watchCommand(request, command.domain, hooks, deps);
      case 'unwatch':
        return unwatchCommand(request, command.domain, deps);
      case 'watches':
        return watchesCommand(request, deps);
      case 'digest':
        return digestScheduleCommand(request, command.schedule, deps);
      case 'digest-now':
        return digestNowCommand(request, deps);
      case 'reports':
        return reports ? reportsCommand(request, command.domain, reports, now()) : noReports();
      case 'reports-endpoint':
        return reports ? reportsEndpointCommand(request, reports, now()) : noReports();
    }
  }

  return {
    async handle(request, hooks) {
      try {
        return await answer(request, hooks);
      } catch (error) {
        logger?.error({ err: error, text: request.text.slice(0, 300) }, 'command failed');
        return failed();
      }
    },
    digest,
    async readUpload(upload) {
      if (reports === undefined) return noReports();
      try {
        const { platform, workspaceId, channelId, userId, bytes } = upload;
        const channel = { platform, workspaceId, channelId };
        const outcome = await ingestReport(reports.store, { channel, submitter: `${platform}:${userId}`, bytes, now: new Date(now()) });
        return uploadMessage(upload.fileName, outcome);
      } catch (error) {
        logger?.error({ err: error }, 'report upload failed');
        return failed();
      }
    },
  };
}

function noReports(): NoticeMessage {
  return { kind: 'notice', tone: 'neutral', private: true, text: 'This bot keeps no TLS-RPT reports.' };
}

function failed(): NoticeMessage {
  return { kind: 'notice', tone: 'warning', private: true, text: 'The check failed unexpectedly. Please try again in a minute.' };
}
