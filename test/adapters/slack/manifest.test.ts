import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLASH_COMMAND } from '../../../adapters/slack/command-syntax.js';
import { INVITE_HINT } from '../../../adapters/slack/deliver.js';
import { SLACK_BOT_SCOPES } from '../../../adapters/slack/slack-scopes.js';

/**
 * No YAML parser is installed: this reads the block-style subset a Slack manifest uses (nested keys, scalar
 * lists, lists of maps) into dotted paths, e.g. "features.slash_commands.0.command" → "/mtasts".
 */
function readManifest(yaml: string): Map<string, string> {
  const values = new Map<string, string>();
  const stack: Array<{ indent: number; path: string }> = [];
  const counters = new Map<string, number>();
  for (const raw of yaml.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    let indent = line.length - line.trimStart().length;
    let body = line.trim();
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    let parent = stack.at(-1)?.path ?? '';
    if (body.startsWith('- ')) {
      const index = counters.get(parent) ?? 0;
      counters.set(parent, index + 1);
      parent = `${parent}.${index}`;
      body = body.slice(2);
      indent += 2;
      stack.push({ indent: indent - 1, path: parent });
      if (!body.includes(': ') && !body.endsWith(':')) {
        values.set(parent, unquote(body));
        continue;
      }
    }
    const [key, ...rest] = body.split(':');
    const value = rest.join(':').trim();
    const path = parent === '' ? key! : `${parent}.${key}`;
    if (value === '') stack.push({ indent, path });
    else values.set(path, unquote(value));
  }
  return values;
}

const unquote = (value: string) => value.replace(/^"(.*)"$/, '$1');
const text = readFileSync(new URL('../../../manifest.yml', import.meta.url), 'utf8');
const manifest = readManifest(text);
const list = (path: string) =>
  [...manifest].filter(([key]) => new RegExp(`^${path.replaceAll('.', '\\.')}\\.\\d+$`).test(key)).map(([, v]) => v);

describe('manifest.yml', () => {
  it('is indented with spaces only (YAML forbids tabs)', () => {
    expect(text).not.toMatch(/\t/);
  });

  it('names the app and a bot user whose handle matches the invite hint', () => {
    expect(manifest.get('display_information.name')).toBe('mtasts');
    expect(manifest.get('display_information.description')!.length).toBeLessThanOrEqual(140);
    expect(INVITE_HINT).toContain(`/invite @${manifest.get('features.bot_user.display_name')}`);
  });

  it('declares exactly the /mtasts command the adapter listens for, with a usage hint', () => {
    expect(manifest.get('features.slash_commands.0.command')).toBe(SLASH_COMMAND);
    expect(manifest.has('features.slash_commands.1.command')).toBe(false);
    expect(manifest.get('features.slash_commands.0.usage_hint')).toBe(
      'example.com | watch example.com | watches | digest now | reports example.com | help',
    );
    expect(manifest.get('features.slash_commands.0.description')!.length).toBeLessThanOrEqual(2000);
  });

  it('asks for commands, chat:write and chat:write.public, and what reading shared report files needs, nothing else', () => {
    expect(list('oauth_config.scopes.bot')).toEqual([
      'commands',
      'chat:write',
      'chat:write.public',
      'files:read',
      'channels:history',
      'groups:history',
    ]);
    expect(list('settings.event_subscriptions.bot_events')).toEqual(
      expect.arrayContaining(['message.channels', 'message.groups']),
    );
  });

  it('asks for the same scopes in an OAuth install as it declares', () => {
    expect(SLACK_BOT_SCOPES).toEqual(list('oauth_config.scopes.bot'));
  });

  it('subscribes to the uninstall and token revocation events, and documents the OAuth redirect URL', () => {
    expect(list('settings.event_subscriptions.bot_events')).toEqual([
      'app_uninstalled',
      'tokens_revoked',
      'message.channels',
      'message.groups',
    ]);
    expect(text).toMatch(/# {3}- https:\/\/\S+\/slack\/oauth_redirect/);
    expect(text).toMatch(/# request_url: https:\/\/\S+\/slack\/events\n\s+bot_events:/);
  });

  it('turns interactivity on (the Rescan button) and Socket Mode on, with HTTP-mode URLs left as comments', () => {
    expect(manifest.get('settings.interactivity.is_enabled')).toBe('true');
    expect(manifest.get('settings.socket_mode_enabled')).toBe('true');
    expect(manifest.has('features.slash_commands.0.url')).toBe(false);
    expect(text).toMatch(/# url: https:\/\/\S+\/slack\/events/);
    expect(text).toMatch(/# request_url: https:\/\/\S+\/slack\/events/);
  });
});
