import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('../../../dist/adapters/http/healthcheck.js', import.meta.url));
let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A stand-in for the bot's HTTP server: answers /healthz with `status`, anything else with 404. */
async function serve(status: number): Promise<{ port: number; paths: string[] }> {
  const paths: string[] = [];
  server = createServer((request, response) => {
    paths.push(`${request.method} ${request.url}`);
    response.writeHead(request.url === '/healthz' ? status : 404).end('ok');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, paths };
}

function healthcheck(port: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [ENTRY], { env: { MTASTS_HTTP_PORT: port } }, (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stderr }),
    );
  });
}

describe('the image healthcheck', () => {
  it('passes when GET /healthz on MTASTS_HTTP_PORT answers 200', async () => {
    const { port, paths } = await serve(200);
    expect(await healthcheck(String(port))).toEqual({ code: 0, stderr: '' });
    expect(paths).toEqual(['GET /healthz']);
  });

  it('fails with the status on one line when /healthz answers 503', async () => {
    const { port } = await serve(503);
    expect(await healthcheck(String(port))).toEqual({ code: 1, stderr: 'mtasts healthcheck: /healthz answered 503\n' });
  });

  it('fails with the reason on one line when nothing listens on the port', async () => {
    const { port } = await serve(200);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const result = await healthcheck(String(port));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^mtasts healthcheck: .*ECONNREFUSED.*\n$/);
  });
});
