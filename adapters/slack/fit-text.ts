/**
 * Cuts already-escaped text to at most `max` characters, ending with "…". Never leaves half an entity (`&am`) or
 * half a surrogate pair behind, either of which would render as garbage.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  cut = cut.replace(/&[a-z]*$/, '');
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
