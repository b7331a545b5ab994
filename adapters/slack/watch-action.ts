import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { normalizeDomainInput } from '../../src/domain/normalize-domain.js';
import { type Answering, answerRequest } from './answer-request.js';
import { OPEN_POLICY_ACTION_ID, WATCH_ACTION_ID } from './render-report.js';
import { respondOrEphemeral } from './respond-or-ephemeral.js';

/**
 * The "Watch" button on a report: exactly `watch <domain>` for the channel it was pressed in, with the same
 * permission check as typing it. Its value comes back from the client and may be forged, so only a domain exactly
 * as the bot writes one is accepted; anything else is answered privately and runs nothing.
 */
export function registerWatchAction(app: App, { core, inFlight, logger, pacer, managers, metrics }: Answering): void {
  app.action<BlockAction<ButtonAction>>(WATCH_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    const channelId = body.channel?.id;
    if (channelId === undefined) return; // the button only lives on channel messages
    const answerTo = respondOrEphemeral(respond, client, channelId, body.user.id);
    const domain = buttonDomain(action.value ?? '');
    if (domain === null) {
      const text = 'That button does not name a domain to watch.';
      await inFlight.track(answerTo({ response_type: 'ephemeral', text }).then(() => undefined));
      return;
    }
    const request = {
      platform: 'slack' as const,
      workspaceId: body.team?.id ?? body.user.team_id ?? '',
      channelId,
      userId: body.user.id,
      text: `watch ${domain}`,
      ...(managers === undefined ? {} : { mayManage: managers.has(body.user.id) }),
    };
    await inFlight.track(
      answerRequest(core, request, { client, channelId, respond: answerTo, logger, pacer, metrics }),
    );
  });
  // "Open policy file" is a link: Slack opens it and still tells the app, which has only to acknowledge.
  app.action(OPEN_POLICY_ACTION_ID, async ({ ack }) => {
    await ack();
  });
}

function buttonDomain(value: string): string | null {
  const normalized = normalizeDomainInput(value);
  return normalized.ok && normalized.value === value ? value : null;
}
