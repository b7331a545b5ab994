import { describe, expect, it } from 'vitest';
import type { DigestLine } from '../../src/chat/digest-message.js';
import { lineStatus, STATUS_LABELS } from '../../src/chat/status-labels.js';

const line = (verdict: DigestLine['verdict'], timedOut: boolean) => ({ verdict, timedOut }) as DigestLine;

describe('lineStatus and STATUS_LABELS', () => {
  it('names a line by its verdict, or by why it has none', () => {
    expect(STATUS_LABELS[lineStatus(line('not-configured', false))]).toBe('not configured');
    expect(STATUS_LABELS[lineStatus(line('none', false))]).toBe('mode none');
    expect(STATUS_LABELS[lineStatus(line(null, true))]).toBe('timed out');
    expect(STATUS_LABELS[lineStatus(line(null, false))]).toBe('scan failed');
  });
});
