/** What one message holds: groups (a Slack section, a Discord embed or message) of items joined by newlines. */
export interface PackLimits {
  /** Characters of one group, newlines between its items counted. */
  group: number;
  /** Groups in one message. */
  groups: number;
  /** Characters of all groups of one message together (no separator between groups counted). */
  message: number;
  /** `message` for the first message, when it carries more besides (a longer title); default `message`. */
  firstMessage?: number;
}

/**
 * Packs whole items into groups and the groups into messages within `limits`, keeping their order. An item is
 * never split; one over a limit gets a group (and if need be a message) of its own, so the caller bounds each.
 * @returns messages → groups → items; none for no items
 */
export function packItems(items: readonly string[], limits: PackLimits): string[][][] {
  const messages: string[][][] = [];
  let groups: string[][] = [];
  let group: string[] = [];
  let groupLength = 0;
  let closedLength = 0; // text of this message's groups before the open one
  const room = () => (messages.length === 0 ? (limits.firstMessage ?? limits.message) : limits.message);

  for (const item of items) {
    const joined = groupLength + 1 + item.length;
    if (group.length > 0 && joined <= limits.group && closedLength + joined <= room()) {
      group.push(item);
      groupLength = joined;
      continue;
    }
    if (group.length > 0) {
      groups.push(group);
      closedLength += groupLength;
    }
    if (groups.length > 0 && (groups.length + 1 > limits.groups || closedLength + item.length > room())) {
      messages.push(groups);
      groups = [];
      closedLength = 0;
    }
    group = [item];
    groupLength = item.length;
  }
  if (group.length > 0) groups.push(group);
  if (groups.length > 0) messages.push(groups);
  return messages;
}
