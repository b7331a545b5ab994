import type { Report } from '../report/report.js';
import type { ChatMessage, NoticeMessage } from './chat-message.js';
import type { CommandHandler, CommandHooks, CommandRequest } from './command-handler.js';
import { formatDuration } from './format-duration.js';
import { helpMessage, usageMessage } from './help-message.js';
import { parseCommand } from './parse-command.js';
import { createSlidingWindowLimiter, type RateLimiter } from './rate-limiter.js';
import { reportMessage } from './report-message.js';
import { createResultCache } from './result-cache.js';
import { createScanQueue } from './scan-queue.js';

export interface CommandLimits {
  /** Fresh scans one user may start per window (keyed by platform + workspace + user). */
  scansPerWindow: number;
  windowMs: number;
  /** How long a domain's result answers repeats without a new scan. */
  cacheTtlMs: number;
  /** Scans running at once across all users; beyond it requests queue. */
  maxConcurrentScans: number;
}

export const DEFAULT_LIMITS: CommandLimits = {
  scansPerWindow: 3,
  windowMs: 10 * 60_000,
  cacheTtlMs: 5 * 60_000,
  maxConcurrentScans: 4,
};

/** Where the core reports a scan that threw or a hook that failed; a pino logger fits. */
export interface CoreLogger {
  error(details: object, message: string): void;
}

export interface CommandCoreOptions {
  scan: (domain: string) => Promise<Report>;
  /** Milliseconds since the epoch; injected so tests drive windows and TTLs. */
  now?: () => number;
  limits?: Partial<CommandLimits>;
  /** Replaces the in-memory per-user limiter (e.g. one shared between replicas). */
  rateLimiter?: RateLimiter;
  logger?: CoreLogger;
}

export function createCommandCore(options: CommandCoreOptions): CommandHandler {
  const { scan, now = Date.now, logger } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const limiter =
    options.rateLimiter ?? createSlidingWindowLimiter({ limit: limits.scansPerWindow, windowMs: limits.windowMs, now });
  const cache = createResultCache<Report>({ ttlMs: limits.cacheTtlMs, now });
  const queue = createScanQueue(limits.maxConcurrentScans);

  async function freshScan(domain: string, hooks: CommandHooks | undefined): Promise<ChatMessage> {
    let queuedAt: number | null = null;
    const onQueued = (position: number): void => {
      queuedAt = now();
      try {
        hooks?.onQueued?.(position);
      } catch (error) {
        logger?.error({ err: error, domain }, 'onQueued hook failed');
      }
    };
    const report = await cache.fill(domain, () => queue.run(() => scan(domain), onQueued));
    const notes = queuedAt === null ? [] : [`Waited ${formatDuration(now() - queuedAt)} in the queue for a free scan slot`];
    return reportMessage(report, { now: now(), notes });
  }

  async function answer(request: CommandRequest, hooks: CommandHooks | undefined): Promise<ChatMessage> {
    const command = parseCommand(request.text);
    if (command.kind === 'help') return helpMessage();
    if (command.kind === 'invalid') return usageMessage(command.reason);
    const { domain } = command;

    const stored = cache.stored(domain);
    if (stored && !request.fresh) {
      return reportMessage(stored.value, { now: now(), notes: [`Cached ${formatDuration(stored.ageMs)} ago`] });
    }
    // Joining a scan already running for this domain starts nothing new, so it costs no quota.
    const running = cache.pending(domain);
    if (running) return reportMessage(await running, { now: now() });

    const decision = limiter.take(`${request.platform}:${request.workspaceId}:${request.userId}`);
    if (!decision.allowed) return rateLimited(decision.retryAfterMs, limits);
    return freshScan(domain, hooks);
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
  };
}

function rateLimited(retryAfterMs: number, limits: CommandLimits): NoticeMessage {
  return {
    kind: 'notice',
    tone: 'warning',
    private: true,
    text:
      `You have used your ${limits.scansPerWindow} fresh scans per ${formatDuration(limits.windowMs)}. ` +
      `Try again in ${formatDuration(retryAfterMs)}; domains checked in the last ${formatDuration(limits.cacheTtlMs)} still answer from cache.`,
  };
}

function failed(): NoticeMessage {
  return { kind: 'notice', tone: 'warning', private: true, text: 'The check failed unexpectedly. Please try again in a minute.' };
}
