import { setTimeout as delay } from 'node:timers/promises';

/** Spaces posts to one channel: Slack allows about one message per second per channel, with short bursts. */
export interface ChannelPacer {
  /** Resolves when the next post to this channel may go; each call takes one turn. */
  turn(channelId: string): Promise<void>;
}

export interface ChannelPacerOptions {
  /** Spacing of posts to one channel once a burst is spent. */
  intervalMs: number;
  /** Posts that may go at once to a channel that has been quiet. */
  burst: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function createChannelPacer(options: ChannelPacerOptions): ChannelPacer {
  const { intervalMs, burst, now = Date.now, sleep = (ms: number) => delay(ms) } = options;
  // Per channel, when its posts would next be due if each took a full interval; a burst may run ahead of that.
  const due = new Map<string, number>();
  return {
    async turn(channelId) {
      const at = now();
      for (const [id, time] of due) if (time <= at) due.delete(id);
      const next = due.get(channelId) ?? at;
      due.set(channelId, next + intervalMs);
      const wait = next - (burst - 1) * intervalMs - at;
      if (wait > 0) await sleep(wait);
    },
  };
}
