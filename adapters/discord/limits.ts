import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ParseResult } from '../../src/parsers/parse-result.js';
import { fitText } from './fit-text.js';

/** What the adapter sends as one Discord message: the subset of the API body it uses. */
export interface DiscordReply {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** Discord's hard limits (message.mdx "Embed Limits"); the API answers 400 to anything over them. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  threadName: 100,
} as const;

// Discord trims whitespace before checking, so a blank name or value is an empty one.
const present = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'must not be blank');

const embedSchema = z.object({
  title: z.string().max(LIMITS.title).optional(),
  description: z.string().max(LIMITS.description).optional(),
  color: z.number().int().min(0).max(0xffffff).optional(),
  fields: z
    .array(
      z.object({ name: present(LIMITS.fieldName), value: present(LIMITS.fieldValue), inline: z.boolean().optional() }),
    )
    .max(LIMITS.fields)
    .optional(),
  footer: z.object({ text: present(LIMITS.footer) }).optional(),
});

const replySchema = z
  .object({ embeds: z.array(embedSchema).max(LIMITS.embeds) })
  .refine((reply) => totalEmbedLength(reply.embeds) <= LIMITS.embedTotal, {
    message: `embeds exceed ${LIMITS.embedTotal} characters in total`,
  });

/** Title, description, field names and values, footer and author of every embed count towards one total. */
export function totalEmbedLength(embeds: readonly APIEmbed[]): number {
  let total = 0;
  for (const embed of embeds) {
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
    for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  }
  return total;
}

export function checkLimits(reply: DiscordReply): ParseResult<DiscordReply> {
  const result = replySchema.safeParse(reply);
  if (result.success) return { ok: true, value: reply };
  const issue = result.error.issues[0];
  return { ok: false, reason: `${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid'}` };
}

/**
 * The last resort when a rendered message breaks a limit anyway: keep the first embed's colour, title and a cut
 * description, so the user still gets an answer instead of a 400.
 */
export function shrinkToLimits(reply: DiscordReply): DiscordReply {
  const first = reply.embeds[0];
  const embeds: APIEmbed[] = first
    ? [
        {
          ...(first.color === undefined ? {} : { color: first.color }),
          ...(first.title ? { title: fitText(first.title, LIMITS.title) } : {}),
          description: fitText(first.description || 'The full answer was too long to show here.', 2000),
        },
      ]
    : [];
  return { embeds, components: reply.components };
}

/** A message that breaks a limit anyway is shortened (shrinkToLimits) rather than refused with a 400. */
export function withinLimits(reply: DiscordReply, logger: Logger): DiscordReply {
  const checked = checkLimits(reply);
  if (checked.ok) return reply;
  logger.warn({ reason: checked.reason }, 'discord: rendered message breaks a limit; sending a shortened one');
  return shrinkToLimits(reply);
}
