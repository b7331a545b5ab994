/** Form bodies exactly as Slack POSTs them to /slack/events. */

export function slashCommandBody(options: { text: string; responseUrl: string; userId?: string; channelId?: string; teamId?: string }) {
  return new URLSearchParams({
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
    response_url: options.responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

export function rescanActionBody(options: { domain: string; responseUrl: string; userId?: string }) {
  const payload = {
    type: 'block_actions',
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: '1.2.4',
    team: { id: 'T1', domain: 'fake' },
    user: { id: options.userId ?? 'U1', username: 'ops-person', team_id: 'T1' },
    channel: { id: 'C1', name: 'ops' },
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'C1', is_ephemeral: false },
    message: { type: 'message', user: 'UBOT', ts: '1700000000.000001', text: 'earlier answer' },
    response_url: options.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: 'mtasts_rescan',
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
