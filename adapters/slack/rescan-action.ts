import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { type Answering, answerRequest } from './answer-request.js';
import { RESCAN_ACTION_ID } from './render-report.js';
import { respondOrEphemeral } from './respond-or-ephemeral.js';

/** The "Rescan" button: its value is the domain; a fresh scan, spending quota like the command does. */
export function registerRescanAction(app: App, { core, inFlight, logger, pacer, metrics }: Answering): void {
  app.action<BlockAction<ButtonAction>>(RESCAN_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    const channelId = body.channel?.id;
    if (channelId === undefined) return; // the button only lives on channel messages
    const request = {
      platform: 'slack' as const,
      workspaceId: body.team?.id ?? body.user.team_id ?? '',
      channelId,
      userId: body.user.id,
      text: action.value ?? '',
      fresh: true,
    };
    const answerTo = respondOrEphemeral(respond, client, channelId, body.user.id);
    await inFlight.track(
      answerRequest(core, request, { client, channelId, respond: answerTo, logger, pacer, metrics }),
    );
  });
}
