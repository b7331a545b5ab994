import { parseArgs } from 'node:util';
import { registerDiscordCommands } from '../discord/register-commands.js';
import { EXIT } from './exit-code.js';
import type { CliIo } from './main.js';

/** `mtasts discord register [--guild <id>]`: installs the /mtasts command (guild: instant; global: all guilds). */
export async function runDiscordCli(argv: string[], io: CliIo): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { guild: { type: 'string' } },
    }));
  } catch (error) {
    return fail(io, (error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  if (positionals[0] !== 'register' || positionals.length !== 1)
    return fail(io, 'usage: mtasts discord register [--guild <id>]');
  const token = io.env['DISCORD_TOKEN'];
  const appId = io.env['DISCORD_APP_ID'];
  if (!token) return fail(io, 'DISCORD_TOKEN is not set');
  if (!appId) return fail(io, 'DISCORD_APP_ID is not set');
  if (values.guild !== undefined && !/^\d{17,20}$/.test(values.guild))
    return fail(io, '--guild must be a Discord guild id (17-20 digits)');
  const apiUrl = io.env['DISCORD_API_URL'];
  await registerDiscordCommands({
    token,
    appId,
    ...(values.guild ? { guildId: values.guild } : {}),
    ...(apiUrl ? { apiUrl } : {}),
  });
  io.stdout.write(values.guild ? `Registered /mtasts in guild ${values.guild}.\n` : 'Registered /mtasts globally.\n');
  return EXIT.ok;
}

function fail(io: CliIo, reason: string): number {
  io.stderr.write(`mtasts: ${reason}\n`);
  return EXIT.badInput;
}
