import type { App } from '@slack/bolt';
import { type Answering, answerRequest } from './answer-request.js';
import { SLASH_COMMAND } from './command-syntax.js';
import { respondOrEphemeral } from './respond-or-ephemeral.js';
import { unescapeSlackText } from './unescape-slack-text.js';

/** `/mtasts …`: acknowledge at once (Slack allows 3 s, a scan takes longer), then answer through the core. */
export function registerSlashCommand(app: App, { core, inFlight, logger, pacer, managers, metrics }: Answering): void {
  app.command(SLASH_COMMAND, async ({ command, ack, client, respond }) => {
    await ack();
    const request = {
      platform: 'slack' as const,
      workspaceId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      text: unescapeSlackText(command.text),
      ...(managers === undefined ? {} : { mayManage: managers.has(command.user_id) }),
    };
    const answerTo = respondOrEphemeral(respond, client, command.channel_id, command.user_id);
    await inFlight.track(
      answerRequest(core, request, {
        client,
        channelId: command.channel_id,
        respond: answerTo,
        logger,
        pacer,
        metrics,
      }),
    );
  });
}
