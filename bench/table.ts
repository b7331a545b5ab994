/** One line of the bench table: a measured figure, and the target it is held to if it has one. */
export interface Row {
  section: string;
  what: string;
  /** The figure as shown, unit included. */
  value: string;
  /** e.g. "≤ 1.3 ×"; empty when the row only gives context. */
  target: string;
  /** null: no target. */
  pass: boolean | null;
  /** Why a target is missed, or what the figure is made of. */
  note: string;
}

export function row(
  section: string,
  what: string,
  value: string,
  target = '',
  pass: boolean | null = null,
  note = '',
): Row {
  return { section, what, value, target, pass, note };
}

/** A Markdown table: readable in a terminal as printed, and pasted as is into the README. */
export function markdownTable(rows: readonly Row[]): string {
  const cells = (r: Row) => [
    r.section,
    r.what,
    r.value,
    r.target,
    r.pass === null ? '' : r.pass ? 'pass' : '**miss**',
    r.note,
  ];
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const lines = [
    '| part | measure | value | target | result | note |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${cells(r).map(cell).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n`;
}
