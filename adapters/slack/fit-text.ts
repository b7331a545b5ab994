import { fitText as fitEscapedText } from '../shared/fit-text.js';

/** Cuts already-escaped mrkdwn to at most `max` characters, ending with "…"; never leaves half an entity behind. */
export function fitText(text: string, max: number): string {
  return fitEscapedText(text, max, 'entities');
}
