/** Form bodies exactly as Slack POSTs them to /slack/events. */

let triggers = 0;
/** Slack gives every invocation its own trigger id, so two bodies are never the same request. */
const triggerId = () => `1.2.${(triggers += 1)}`;

export function slashCommandBody(options: {
  text: string;
  responseUrl?: string;
  userId?: string;
  channelId?: string;
  teamId?: string;
}) {
  const body = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: options.teamId ?? 'T1',
    team_domain: 'fake',
    channel_id: options.channelId ?? 'C1',
    channel_name: 'ops',
    user_id: options.userId ?? 'U1',
    user_name: 'ops-person',
    command: '/mtasts',
    text: options.text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    trigger_id: triggerId(),
  });
  // Slack sends one with every command; a request without it must still be answered.
  if (options.responseUrl !== undefined) body.set('response_url', options.responseUrl);
  return body.toString();
}

export function rescanActionBody(options: {
  domain: string;
  responseUrl: string;
  userId?: string;
  /** Default the Rescan button's. */
  actionId?: string;
}) {
  const payload = {
    type: 'block_actions',
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: triggerId(),
    team: { id: 'T1', domain: 'fake' },
    user: { id: options.userId ?? 'U1', username: 'ops-person', team_id: 'T1' },
    channel: { id: 'C1', name: 'ops' },
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'C1', is_ephemeral: false },
    message: { type: 'message', user: 'UBOT', ts: '1700000000.000001', text: 'earlier answer' },
    response_url: options.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: options.actionId ?? 'mtasts_rescan',
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Rescan' },
        value: options.domain,
        action_ts: '1700000100.000000',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API delivery (JSON), e.g. app_uninstalled or tokens_revoked for one team. */
export function eventBody(teamId: string, event: Record<string, unknown>) {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A1',
    event: { event_ts: '1700000200.000000', ...event },
    type: 'event_callback',
    event_id: `Ev${teamId}${String(event.type)}`,
    event_time: 1_700_000_200,
  });
}
