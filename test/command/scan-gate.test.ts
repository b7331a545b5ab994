import { describe, expect, it } from 'vitest';
import type { CommandRequest } from '../../src/command/command-handler.js';
import { createSlidingWindowLimiter } from '../../src/command/rate-limiter.js';
import { createScanGate, DEFAULT_LIMITS } from '../../src/command/scan-gate.js';
import type { Report } from '../../src/report/report.js';
import { plainText } from '../chat/plain-text.js';
import { FIXTURE_NOW, reportFixture } from './report-fixture.js';

const USER: CommandRequest = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', text: '' };

function gateWith(maxConcurrentScans = 4) {
  const clock = { now: FIXTURE_NOW };
  const now = () => clock.now;
  const started: string[] = [];
  let running = 0;
  let peak = 0;
  const waiting: Array<() => void> = [];
  const limits = { ...DEFAULT_LIMITS, scansPerWindow: 1, maxConcurrentScans };
  const gate = createScanGate({
    scan: async (domain): Promise<Report> => {
      started.push(domain);
      peak = Math.max(peak, ++running);
      await new Promise<void>((resolve) => waiting.push(resolve));
      running -= 1;
      return reportFixture({ domain });
    },
    now,
    limits,
    limiter: createSlidingWindowLimiter({ limit: limits.scansPerWindow, windowMs: limits.windowMs, now }),
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  /** Lets every scan started so far finish, as long as new ones keep starting. */
  const drain = async () => {
    for (let i = 0; i < 20; i++) {
      waiting.splice(0).forEach((resolve) => resolve());
      await settle();
    }
  };
  return { gate, clock, started, settle, drain, peak: () => peak };
}

describe('createScanGate', () => {
  it('lets a digest scan join a user’s running scan, then answer from the cache, all without quota', async () => {
    const { gate, started, settle, drain } = gateWith();
    const user = gate.forUser(USER, 'example.com');
    await settle();
    const digest = gate.scan('example.com');
    await drain();
    const [answer, report] = await Promise.all([user, digest]);
    expect(answer.ok && answer.report).toBe(report);
    expect(await gate.scan('example.com')).toBe(report);
    expect(started).toEqual(['example.com']);
    // The one unit of quota went to the user's scan; a digest's scans never charge it.
    expect(plainText((await gate.charge(USER))?.text ?? [])).toContain('You have used your 1 fresh scans');
  });

  it('runs a digest’s scans through the same concurrency cap as users’ scans', async () => {
    const { gate, settle, drain, peak } = gateWith(2);
    const scans = ['a.example', 'b.example', 'c.example', 'd.example'].map((domain) => gate.scan(domain));
    const user = gate.forUser(USER, 'e.example');
    await settle();
    await drain();
    await Promise.all([...scans, user]);
    expect(peak()).toBe(2);
  });
});
