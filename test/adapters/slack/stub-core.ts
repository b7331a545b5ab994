import type { ChatMessage } from '../../../src/chat/chat-message.js';
import type { CommandHandler, CommandHooks, CommandRequest } from '../../../src/command/command-handler.js';

/** A CommandHandler answering with hand-built messages; `hold()` keeps every answer back until released. */
export interface StubCore extends CommandHandler {
  requests: CommandRequest[];
  answers: number;
  reply: (request: CommandRequest, hooks?: CommandHooks) => ChatMessage;
  hold(): () => void;
}

export function createStubCore(reply: StubCore['reply']): StubCore {
  let gate: Promise<void> = Promise.resolve();
  const core: StubCore = {
    requests: [],
    answers: 0,
    reply,
    hold() {
      let release = () => {};
      gate = new Promise((resolve) => (release = resolve));
      return release;
    },
    async handle(request, hooks) {
      core.requests.push(request);
      await gate;
      core.answers += 1;
      return core.reply(request, hooks);
    },
  };
  return core;
}
