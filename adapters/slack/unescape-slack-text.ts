// Slack rewrites bare links and addresses in command text as <http://x|x> or <mailto:a@b|a@b>, and encodes
// &, < and > as entities. A real "<" can therefore only be the start of such a link.
const SLACK_LINK = /<([^<>|]*)(?:\|([^<>]*))?>/g;

/** Command text as Slack sends it → what the user typed. */
export function unescapeSlackText(text: string): string {
  // The label is what the user typed; the target is Slack's rewrite of it (with a scheme added).
  const unlinked = text.replace(SLACK_LINK, (_link, target: string, label: string | undefined) => label ?? target);
  // &amp; last, so "&amp;lt;" decodes to the literal "&lt;" the user typed.
  return unlinked.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
