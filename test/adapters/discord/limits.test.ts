import { describe, expect, it } from 'vitest';
import { checkLimits, type DiscordReply, shrinkToLimits, totalEmbedLength } from '../../../adapters/discord/limits.js';

const reply = (embed: DiscordReply['embeds'][number]): DiscordReply => ({ embeds: [embed], components: [] });

describe('checkLimits', () => {
  it('accepts a message at every limit', () => {
    const fields = Array.from({ length: 25 }, () => ({ name: 'n'.repeat(40), value: 'v'.repeat(40) }));
    const embed = {
      title: 't'.repeat(256),
      description: 'd'.repeat(3000),
      color: 0xffffff,
      fields,
      footer: { text: 'f'.repeat(744) },
    };
    expect(totalEmbedLength([embed])).toBe(6000);
    expect(checkLimits(reply(embed)).ok).toBe(true);
  });

  it.each([
    ['a title over 256', { title: 't'.repeat(257) }, 'title'],
    ['a description over 4096', { description: 'd'.repeat(4097) }, 'description'],
    ['more than 25 fields', { fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }, 'fields'],
    ['a field name over 256', { fields: [{ name: 'n'.repeat(257), value: 'v' }] }, 'name'],
    ['a field value over 1024', { fields: [{ name: 'n', value: 'v'.repeat(1025) }] }, 'value'],
    ['a blank field value', { fields: [{ name: 'n', value: '  ' }] }, 'value'],
    ['a colour beyond 0xffffff', { color: 0x1000000 }, 'color'],
    [
      'over 6000 characters in total',
      {
        description: 'd'.repeat(4000),
        fields: [
          { name: 'n', value: 'v'.repeat(1024) },
          { name: 'n', value: 'v'.repeat(1024) },
        ],
      },
      '6000',
    ],
  ])('rejects %s', (_, embed, where) => {
    const result = checkLimits(reply(embed));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(where);
  });

  it('rejects more than 10 embeds', () => {
    expect(checkLimits({ embeds: Array.from({ length: 11 }, () => ({ title: 't' })), components: [] }).ok).toBe(false);
  });
});

describe('shrinkToLimits', () => {
  it('turns a message over the limits into one within them, keeping colour, title and the start of the text', () => {
    const tooBig = reply({
      title: 't'.repeat(300),
      description: 'd'.repeat(5000),
      color: 0x2eb67d,
      fields: [{ name: 'n', value: 'v'.repeat(2000) }],
    });

    const shrunk = shrinkToLimits(tooBig);

    expect(checkLimits(shrunk).ok).toBe(true);
    expect(shrunk.embeds[0]).toMatchObject({ color: 0x2eb67d });
    expect(shrunk.embeds[0]!.title).toMatch(/^t+…$/);
    expect(shrunk.embeds[0]!.description).toMatch(/^d+…$/);
  });
});
