import type { ChatMessage, NoticeMessage } from '../chat/chat-message.js';
import { type ChannelDigest, channelDigest } from '../digest/channel-digest.js';
import { DIGEST_CONCURRENCY, DIGEST_DEADLINE_MS } from '../digest/run-digest.js';
import { measuredScan } from '../metrics/measured-scan.js';
import { type Metrics, NO_METRICS } from '../metrics/metrics.js';
import type { Report } from '../report/report.js';
import { ResolverUnreachableError } from '../scan/resolver-unreachable.js';
import { historyWriteFailure } from '../scan/unsaved-history.js';
import type { StoreHealth } from '../store/store-health.js';
import { type Channel, DEFAULT_WATCH_LIMITS, type WatchLimits } from '../store/watch-store.js';
import { domainSessions } from '../tlsrpt/domain-sessions.js';
import { ingestReport } from '../tlsrpt/ingest-report.js';
import { createChannelAnswers, repeatNotice } from './channel-answers.js';
import { channelReport } from './channel-report.js';
import type { CommandHandler, CommandHooks, CommandRequest } from './command-handler.js';
import { digestNowCommand } from './digest-now-command.js';
import { digestScheduleCommand } from './digest-schedule-command.js';
import { formatDuration } from './format-duration.js';
import { helpMessage, usageMessage } from './help-message.js';
import { parseCommand, parseRescan } from './parse-command.js';
import { createSlidingWindowLimiter, type RateLimiter, type SlidingWindowOptions } from './rate-limiter.js';
import { reportMessage } from './report-message.js';
import type { UploadHandler } from './report-upload.js';
import { type ReportsDeps, reportsCommand, reportsEndpointCommand } from './reports-command.js';
import { type CommandLimits, createScanGate, DEFAULT_LIMITS } from './scan-gate.js';
import { unwatchCommand } from './unwatch-command.js';
import { uploadMessage } from './upload-message.js';
import { watchCommand } from './watch-command.js';
import { channelOf, type WatchCommandStore, type WatchDeps } from './watch-deps.js';
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
  /** Makes the per-user limiter in place of the in-memory one (e.g. the store's, shared between replicas). */
  rateLimiter?: (options: SlidingWindowOptions) => RateLimiter;
  logger?: CoreLogger;
  /** Scans by verdict and duration, queue depth, rate-limit refusals. */
  metrics?: Metrics;
  /** Asked when a command fails, so a store that does not answer gets a plain answer instead of a generic one. */
  storeHealth?: StoreHealth;
  /** TLS-RPT reports per channel: the reports commands, and the findings their numbers add to scans and digests. */
  reports?: ReportsDeps;
}

export interface CommandCore extends CommandHandler, UploadHandler {
  /** A channel's digest, scanned through the core's cache and queue: what both `digest now` and the scheduler use. */
  digest(channel: Channel): Promise<ChannelDigest>;
}

export function createCommandCore(options: CommandCoreOptions): CommandCore {
  const { now = Date.now, logger, metrics = NO_METRICS } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const makeLimiter = options.rateLimiter ?? createSlidingWindowLimiter;
  const limiter = makeLimiter({ limit: limits.scansPerWindow, windowMs: limits.windowMs, now });
  const gate = createScanGate({ scan: measuredScan(options.scan, metrics), now, limits, limiter, logger, metrics });
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
          domainSessions(
            await reports.store.tlsRptReports(channel, domain, { receivedAfter: since.toISOString() }),
            domain,
          ),
      }),
    });
  const answers = createChannelAnswers({ windowMs: limits.cacheTtlMs, now });
  const deps: WatchDeps = {
    store: options.watches,
    gate,
    limits: options.watchLimits ?? DEFAULT_WATCH_LIMITS,
    now,
    digest,
    channelReport: (channel, report) => channelReport(reports, channel, report, new Date(now())),
  };

  async function answer(request: CommandRequest, hooks: CommandHooks | undefined): Promise<ChatMessage> {
    const command = request.fresh ? parseRescan(request.text) : parseCommand(request.text);
    if (
      (command.kind === 'watch' || command.kind === 'unwatch' || command.kind === 'digest') &&
      request.mayManage === false
    ) {
      return notAllowed();
    }
    switch (command.kind) {
      case 'help':
        return helpMessage();
      case 'invalid':
        return usageMessage(command.about, command.reason);
      case 'scan': {
        // The console is one person's terminal: nobody else's channel to flood.
        const claim =
          request.platform === 'console'
            ? { kind: 'free' as const, settle: () => {} }
            : answers.claim(request, command.domain);
        if (claim.kind !== 'free') return repeatNotice(command.domain, claim, limits.cacheTtlMs);
        let answered = false;
        try {
          const scanned = await gate.forUser(request, command.domain, hooks);
          if (!scanned.ok) return scanned.refusal;
          answered = true;
          const unsaved = historyWriteFailure(scanned.report);
          if (unsaved !== undefined)
            logger?.error({ err: unsaved, domain: command.domain }, 'recording the scan in history failed');
          const notes = unsaved === undefined ? scanned.notes : [...scanned.notes, HISTORY_UNSAVED];
          // A scan (cached, say, while the store is down) still answers when the channel's reports cannot be read.
          const withReports = await channelReport(reports, channelOf(request), scanned.report, new Date(now())).then(
            (report) => ({ report, notes }),
            (error: unknown) => {
              logger?.error({ err: error, domain: command.domain }, "reading the channel's TLS-RPT reports failed");
              return { report: scanned.report, notes: [...notes, REPORTS_UNREAD] };
            },
          );
          return reportMessage(withReports.report, { now: now(), notes: withReports.notes });
        } finally {
          claim.settle(answered);
        }
      }
      case 'watch':
        return watchCommand(request, command.domains, hooks, deps);
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
        if (error instanceof ResolverUnreachableError) {
          logger?.error({ err: error }, 'DNS resolver unreachable; the scan did not run');
          return resolverUnreachable();
        }
        logger?.error({ err: error, text: request.text.slice(0, 300) }, 'command failed');
        const storeAnswers = await (options.storeHealth?.ping().then(
          () => true,
          () => false,
        ) ?? true);
        return storeAnswers ? failed() : storeUnreachable(limits);
      }
    },
    digest,
    async readUpload(upload) {
      if (reports === undefined) return noReports();
      try {
        const { platform, workspaceId, channelId, userId, bytes } = upload;
        const channel = { platform, workspaceId, channelId };
        const outcome = await ingestReport(reports.store, {
          channel,
          submitter: `${platform}:${userId}`,
          bytes,
          now: new Date(now()),
        });
        return uploadMessage(upload.fileName, outcome);
      } catch (error) {
        logger?.error({ err: error }, 'report upload failed');
        return failed();
      }
    },
  };
}

const HISTORY_UNSAVED =
  "This result could not be saved to the bot's history (its database is busy or down): the next scan will not compare against it";

const REPORTS_UNREAD =
  "This channel's TLS-RPT reports could not be read just now: their findings are missing from this answer";

/** Not a verdict: the domain was not judged, because no DNS answer came back. */
function resolverUnreachable(): NoticeMessage {
  return {
    kind: 'notice',
    code: 'resolver-unreachable',
    tone: 'warning',
    private: true,
    text: [
      'The check did not run: the DNS resolver could not be reached, so no domain was judged. Please try again in a few minutes.',
    ],
  };
}

function notAllowed(): NoticeMessage {
  return {
    kind: 'notice',
    code: 'not-allowed',
    tone: 'warning',
    private: true,
    text: [
      'Only people allowed to manage this channel can change what it watches or when its digest runs. Checking a domain is open to everyone.',
    ],
  };
}

function storeUnreachable(limits: CommandLimits): NoticeMessage {
  return {
    kind: 'notice',
    code: 'store-unavailable',
    tone: 'warning',
    private: true,
    text: [
      'The bot cannot reach its database right now, so it cannot scan or change watches. ' +
        `Domains checked in the last ${formatDuration(limits.cacheTtlMs)} still answer from cache; please try again in a few minutes.`,
    ],
  };
}

function noReports(): NoticeMessage {
  return {
    kind: 'notice',
    code: 'reports-off',
    tone: 'neutral',
    private: true,
    text: ['This bot keeps no TLS-RPT reports.'],
  };
}

function failed(): NoticeMessage {
  return {
    kind: 'notice',
    code: 'failed',
    tone: 'warning',
    private: true,
    text: ['The check failed unexpectedly. Please try again in a minute.'],
  };
}
