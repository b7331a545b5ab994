import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { errorDetails } from '../../../adapters/discord/error-details.js';

describe('errorDetails', () => {
  it("keeps a Discord error's code, status, method and message, but not its URL (interaction token) or body", () => {
    const error = new DiscordAPIError(
      { message: 'Invalid Webhook Token', code: 50027 },
      50027,
      401,
      'PATCH',
      'https://discord.com/api/v10/webhooks/1/SECRET-INTERACTION-TOKEN/messages/@original',
      { body: { content: 'private fixes' } },
    );

    const details = errorDetails(error);

    expect(details).toMatchObject({
      type: 'DiscordAPIError[50027]',
      message: 'Invalid Webhook Token',
      code: 50027,
      status: 401,
      method: 'PATCH',
    });
    expect(JSON.stringify(details)).not.toContain('SECRET-INTERACTION-TOKEN');
    expect(JSON.stringify(details)).not.toContain('private fixes');
  });

  it('describes a plain error by its type, message and stack, and anything else as text', () => {
    expect(errorDetails(new TypeError('bad'))).toMatchObject({
      type: 'TypeError',
      message: 'bad',
      stack: expect.stringContaining('TypeError: bad'),
    });
    expect(errorDetails('just a string')).toEqual({ message: 'just a string' });
  });
});
