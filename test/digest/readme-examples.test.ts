import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDigest as renderDiscordDigest } from '../../adapters/discord/render-digest.js';
import { renderReport as renderDiscordReport } from '../../adapters/discord/render-report.js';
import { renderDigest as renderSlackDigest } from '../../adapters/slack/render-digest.js';
import { renderReport as renderSlackReport } from '../../adapters/slack/render-report.js';
import { reportMessage } from '../../src/command/report-message.js';
import { digestMessage } from '../../src/digest/digest-message.js';
import type { DomainOutcome } from '../../src/digest/run-digest.js';
import { makeFinding } from '../../src/report/make-finding.js';
import type { DomainSnapshot } from '../../src/store/watch-store.js';
import { inlineCode } from '../../src/text/inline-code.js';
import { reportFixture, snapshotFixture } from './digest-fixtures.js';

/**
 * The README's rendered examples (between the two markers below) are what the real renderers make of one sample
 * report and one sample digest, drawn as text: for Slack the mrkdwn of each block, for Discord each embed's title,
 * description, fields and footer. After a rendering change: UPDATE_README=1 npx vitest run test/digest/readme-examples.test.ts
 */
const README = new URL('../../README.md', import.meta.url);
const START = '<!-- rendered examples: start (test/digest/readme-examples.test.ts) -->';
const END = '<!-- rendered examples: end -->';
const NOW = new Date('2026-12-02T09:00:00.000Z');

/** The finding of a backup MX host the policy's wildcard does not cover, worded as evaluateMx words it. */
function mxMismatch() {
  return makeFinding(
    'mx-mismatch',
    `${inlineCode('backup.mail-relay.net')} is not matched by any mx: pattern (the policy has ${inlineCode('*.mx.example.com')}).`,
    { domain: 'example.com', host: 'backup.mail-relay.net', pattern: 'backup.mail-relay.net' },
  );
}

function sampleReport() {
  const passing = (host: string) => ({
    reached: true,
    error: null,
    address: '192.0.2.25',
    starttls: true,
    tlsVersion: 'TLSv1.3',
    cipher: 'TLS_AES_256_GCM_SHA384',
    cert: {
      subject: `CN=${host}`,
      issuer: 'CN=R11, O=Let’s Encrypt',
      san: [host],
      notBefore: '2026-11-01T00:00:00.000Z',
      notAfter: '2027-01-30T00:00:00.000Z',
      serial: '04',
      trusted: true,
      nameMatch: true,
      daysLeft: 58,
    },
  });
  const report = reportFixture('example.com', {
    verdict: 'broken',
    findings: [mxMismatch()],
    txt: { record: 'v=STSv1; id=20261115T000000', id: '20261115T000000' },
    policy: { sha256: '3f2a9c1be07d'.padEnd(64, '0'), mode: 'enforce', mx: ['*.mx.example.com'], maxAge: 604_800 },
    mx: [
      {
        host: 'in1.mx.example.com',
        priority: 10,
        matchedBy: '*.mx.example.com',
        smtp: passing('in1.mx.example.com'),
        dane: null,
      },
      {
        host: 'backup.mail-relay.net',
        priority: 50,
        matchedBy: null,
        smtp: passing('backup.mail-relay.net'),
        dane: null,
      },
    ],
  });
  return reportMessage(report, { now: NOW.getTime() });
}

function sampleDigest() {
  const names = ['acme', 'billing', 'contoso', 'fabrikam', 'globex', 'initech', 'hooli', 'stark', 'umbrella', 'wayne'];
  const steady = names.map((name) => snapshotFixture({ domain: `${name}.example` }));
  const before: DomainSnapshot[] = [
    ...steady,
    snapshotFixture({ domain: 'example.com', mx: ['in1.mx.example.com'] }),
    snapshotFixture({ domain: 'rollout.example', verdict: 'testing', mode: 'testing' }),
    snapshotFixture({ domain: 'opt-out.example', verdict: 'none', mode: 'none' }),
  ];
  const now: DomainSnapshot[] = [
    ...steady,
    snapshotFixture({
      domain: 'example.com',
      verdict: 'broken',
      mx: ['in1.mx.example.com', 'backup.mail-relay.net'],
      uncoveredMx: ['backup.mail-relay.net'],
    }),
    snapshotFixture({
      domain: 'rollout.example',
      verdict: 'enforced',
      policyId: '20261201T000000',
      sha256: 'b'.repeat(64),
      certSerial: '02',
      certNotAfter: '2027-03-02T00:00:00.000Z',
    }),
    before.at(-1)!,
  ];
  const outcomes: DomainOutcome[] = now.map((snapshot) => ({
    domain: snapshot.domain,
    status: 'scanned',
    snapshot,
    findings: snapshot.domain === 'example.com' ? [mxMismatch()] : [],
  }));
  outcomes.push({ domain: 'slow.example', status: 'timed-out' });
  return digestMessage(outcomes, { previous: { at: '2026-12-01T09:00:00.000Z', snapshots: before }, now: NOW });
}

/** Every text a Block Kit payload shows, block by block; section fields two to a row (as Slack lays them out), each
 * field's lines joined by " "; the buttons of an actions block on one line, as [label]. */
function slackText(payloads: ReadonlyArray<{ blocks: readonly object[] }>): string {
  return payloads
    .map((payload) =>
      payload.blocks
        .map((block) => {
          const { text, fields, elements } = block as {
            text?: { text: string };
            fields?: Array<{ text: string }>;
            elements?: Array<{ text: string | { text: string } }>;
          };
          const cells = (fields ?? []).map((field) => field.text.replace(/\n/g, ' '));
          const parts = [text?.text, ...rowsOf(cells)];
          const buttons = (elements ?? []).filter((element) => typeof element.text !== 'string');
          for (const element of elements ?? []) if (typeof element.text === 'string') parts.push(element.text);
          if (buttons.length > 0) parts.push(buttons.map((b) => `[${(b.text as { text: string }).text}]`).join(' '));
          return parts.filter((part) => part !== undefined).join('\n');
        })
        .join('\n'),
    )
    .join('\n\n');
}

/** Each embed's title, description, fields and footer: a row of inline fields on one line (its zero-width spacer
 * fields left out), a field as "name: value" or its name above its value; buttons as [label]. */
function discordText(replies: ReadonlyArray<{ embeds: readonly object[]; components?: readonly object[] }>): string {
  return replies
    .map((reply) => {
      const lines: string[] = [];
      for (const embed of reply.embeds) {
        const { title, description, fields, footer } = embed as {
          title?: string;
          description?: string;
          fields?: Array<{ name: string; value: string; inline?: boolean }>;
          footer?: { text: string };
        };
        if (title !== undefined) lines.push(`**${title}**`);
        if (description !== undefined) lines.push(description);
        let row: string[] = [];
        for (const field of fields ?? []) {
          if (field.inline === true) {
            if (field.name.trim().replace(/\u200b/g, '') !== '') row.push(`__${field.name}__: ${field.value}`);
            continue;
          }
          if (row.length > 0) lines.push(...rowsOf(row));
          row = [];
          lines.push(`__${field.name}__`, field.value);
        }
        if (row.length > 0) lines.push(...rowsOf(row));
        if (footer !== undefined) lines.push(`(footer) ${footer.text}`);
      }
      const buttons = JSON.stringify(reply.components ?? []).match(/"label":"[^"]*"/g) ?? [];
      if (buttons.length > 0) lines.push(buttons.map((label) => `[${label.slice(9, -1)}]`).join(' '));
      return lines.join('\n');
    })
    .join('\n\n');
}

/** Inline fields two to a row, as the report lays them out. */
function rowsOf(cells: string[]): string[] {
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(cells.slice(i, i + 2).join('  │  '));
  return rows;
}

function examples(): string {
  const report = sampleReport();
  const digest = sampleDigest();
  const block = (title: string, text: string) => [`**${title}**`, '', '````text', text, '````'].join('\n');
  return [
    START,
    block('Slack, a report (the mrkdwn of each block)', slackText([renderSlackReport(report)])),
    block('Slack, a digest', slackText(renderSlackDigest(digest))),
    block('Discord, a report (the embed)', discordText([renderDiscordReport(report)])),
    block('Discord, a digest', discordText(renderDiscordDigest(digest))),
    END,
  ].join('\n\n');
}

describe('the README', () => {
  it('shows what the renderers make of the sample report and digest on Slack and Discord', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END) + END.length;
    expect(start, 'README lacks the rendered examples markers').toBeGreaterThan(-1);
    const rendered = examples();
    if (process.env.UPDATE_README === '1') writeFileSync(README, readme.slice(0, start) + rendered + readme.slice(end));
    else
      expect(readme.slice(start, end), 'README examples are stale: rerun this test with UPDATE_README=1').toBe(
        rendered,
      );
  });
});
