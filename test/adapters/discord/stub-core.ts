import type { ChatMessage } from '../../../src/chat/chat-message.js';
import type { CommandHandler, CommandHooks, CommandRequest } from '../../../src/command/command-handler.js';

/** A CommandHandler answering with hand-built messages; `hold()` keeps answers back until the returned release. */
export interface StubCore extends CommandHandler {
  requests: CommandRequest[];
  answered: number;
  hold(): () => void;
}

export function stubCore(answer: (request: CommandRequest, hooks?: CommandHooks) => ChatMessage): StubCore {
  let gate: Promise<void> = Promise.resolve();
  const core: StubCore = {
    requests: [],
    answered: 0,
    hold() {
      let release = () => {};
      gate = new Promise((resolve) => (release = resolve));
      return release;
    },
    async handle(request, hooks) {
      core.requests.push(request);
      await gate;
      core.answered += 1;
      return answer(request, hooks);
    },
  };
  return core;
}
