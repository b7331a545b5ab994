import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { stream, text: () => chunks.join('') };
}

const TOKEN = 'xoxb-1234-5678-SECRETVALUE';

describe('createLogger', () => {
  it('writes one JSON object per line with level and message', () => {
    const out = capture();
    createLogger({ level: 'info', destination: out.stream }).info({ domain: 'example.com' }, 'scanned');
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: 'scanned', domain: 'example.com' });
  });

  it('drops messages below the configured level', () => {
    const out = capture();
    const logger = createLogger({ level: 'warn', destination: out.stream });
    logger.info('quiet');
    logger.warn('loud');
    expect(out.text()).not.toContain('quiet');
    expect(out.text()).toContain('loud');
  });

  it('never writes a token or secret, at any depth, in logged objects, child bindings or errors', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', destination: out.stream });
    logger.info({ token: TOKEN, config: { botToken: TOKEN, appToken: TOKEN, signingSecret: TOKEN } }, 'config');
    logger.info(
      { req: { headers: { authorization: `Bearer ${TOKEN}`, Cookie: TOKEN, host: 'slack.com' } } },
      'request',
    );
    logger.info({ list: [{ DISCORD_TOKEN: TOKEN }, { client_secret: TOKEN }] }, 'list');
    logger
      .child({ slack: { botToken: TOKEN } })
      .child({ appToken: TOKEN })
      .info('child');
    logger.error({ err: Object.assign(new Error('api call failed'), { token: TOKEN }) }, 'error');
    const text = out.text();
    expect(text).not.toContain('SECRETVALUE');
    expect(text.match(/\[redacted\]/g)).toHaveLength(11);
    expect(text).toContain('"host":"slack.com"');
    expect(text).toContain('api call failed');
  });

  it('keeps dates, repeated references and cycles readable', () => {
    const out = capture();
    const shared = { host: 'mx.example.com' };
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    createLogger({ level: 'info', destination: out.stream }).info(
      { at: new Date('2024-03-01T00:00:00Z'), a: shared, b: shared, cyclic },
      'shapes',
    );
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>;
    expect(line['at']).toBe('2024-03-01T00:00:00.000Z');
    expect(line['b']).toEqual({ host: 'mx.example.com' });
    expect(line['cyclic']).toEqual({ name: 'loop', self: '[Circular]' });
  });

  it('writes human-readable lines, still redacted, when pretty', () => {
    const out = capture();
    createLogger({ level: 'info', destination: out.stream, pretty: true }).info({ botToken: TOKEN }, 'pretty line');
    const text = out.text();
    expect(text).toContain('pretty line');
    expect(text).not.toContain('SECRETVALUE');
    expect(() => JSON.parse(text.trim())).toThrow();
  });

  it('is pretty by default only when the destination is a TTY', () => {
    const tty = capture();
    Object.assign(tty.stream, { isTTY: true });
    createLogger({ level: 'info', destination: tty.stream }).info('on a terminal');
    const pipe = capture();
    createLogger({ level: 'info', destination: pipe.stream }).info('in a pipe');
    expect(() => JSON.parse(tty.text().trim())).toThrow();
    expect(JSON.parse(pipe.text().trim())).toMatchObject({ msg: 'in a pipe' });
  });
});
