import { createInterface } from 'node:readline';
import type { ChatAdapter } from '../../src/chat/chat-adapter.js';
import type { CommandHandler } from '../../src/command/command-handler.js';
import { useColour } from '../../src/render/terminal-style.js';
import type { Channel } from '../../src/store/watch-store.js';
import { FAILED_NOTICE } from '../shared/failed-notice.js';
import { renderMessage } from './render-message.js';

export interface ConsoleAdapterOptions {
  core: CommandHandler;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Line editing and colour (colour also needs NO_COLOR unset); default: whether `output` is a TTY. */
  isTTY?: boolean;
}

/** stop() stops reading (the reply being worked on is still written); post() prints, the console has one channel. */
export interface ConsoleAdapter extends ChatAdapter {
  /** Settles when the prompt has ended: `quit`, end of input, or stop(). */
  closed: Promise<void>;
}

/** The terminal is one channel of one local workspace: watches and digests typed here belong to it. */
export const CONSOLE_CHANNEL: Channel = { platform: 'console', workspaceId: 'local', channelId: 'console' };

const GREETING = 'mtasts: type "/mtasts example.com" (or just "example.com"), "help", or "quit".';

/** The chat experience in a terminal: same core, same message model, rendered as text. */
export function startConsoleAdapter({ core, input, output, isTTY }: ConsoleAdapterOptions): ConsoleAdapter {
  const tty = isTTY ?? (output as { isTTY?: boolean }).isTTY === true;
  const colour = useColour({ isTTY: tty });
  const rl = createInterface({ input, output, terminal: tty, prompt: 'mtasts> ' });
  const say = (text: string): void => void output.write(`${text}\n`);
  let ended = false;
  let answering = false;
  rl.once('close', () => (ended = true));
  // In terminal mode readline turns Ctrl+C into its own event and would only pause; end the prompt instead.
  rl.on('SIGINT', () => rl.close());

  async function answer(line: string): Promise<void> {
    const rescan = /^rescan\s+/i.test(line);
    const text = line.replace(/^(\/mtasts|rescan)(\s+|$)/i, '');
    try {
      const message = await core.handle(
        { ...CONSOLE_CHANNEL, userId: 'local', text, fresh: rescan },
        { onQueued: (position) => say(`All scan slots are busy; you are number ${position} in line…`) },
      );
      say(renderMessage(message, colour));
    } catch {
      say(renderMessage(FAILED_NOTICE, colour));
    }
  }

  const closed = (async () => {
    say(GREETING);
    rl.prompt();
    for await (const raw of rl) {
      const line = raw.trim();
      if (/^(quit|exit)$/i.test(line)) break;
      if (line !== '') {
        answering = true;
        await answer(line);
        answering = false;
      }
      if (!ended) rl.prompt();
    }
    rl.close();
  })();

  return {
    platform: 'console',
    async stop() {
      rl.close();
      await closed;
    },
    closed,
    async post(_channel, message) {
      say(renderMessage(message, colour));
      // Between commands the prompt was already shown, and the post has pushed it up: show it again.
      if (!answering && !ended) rl.prompt();
      return undefined;
    },
    pending: () => (answering ? 1 : 0),
  };
}
