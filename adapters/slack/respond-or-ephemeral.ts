import type { RespondArguments, RespondFn, types, webApi } from '@slack/bolt';

/**
 * The request's response_url, or where a request came without one (Bolt then gives no `respond`), an ephemeral
 * message to the user in the channel: the answer still reaches them instead of failing on a missing function.
 */
export function respondOrEphemeral(
  respond: RespondFn | undefined,
  client: webApi.WebClient,
  channelId: string,
  userId: string,
): RespondFn {
  if (respond !== undefined) return respond;
  const ephemeral = async (message: string | RespondArguments): Promise<void> => {
    const { text = '', blocks } = (typeof message === 'string' ? { text: message } : message) as {
      text?: string;
      blocks?: types.KnownBlock[];
    };
    await client.chat.postEphemeral({ channel: channelId, user: userId, text, ...(blocks ? { blocks } : {}) });
  };
  // Callers only await it; what response_url would have answered is never read.
  return ephemeral as unknown as RespondFn;
}
