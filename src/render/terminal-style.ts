/** ANSI colour only for a terminal that wants it: a TTY and no NO_COLOR (https://no-color.org). */
export type Colour = 'green' | 'blue' | 'grey' | 'yellow' | 'red' | 'bold';

const CODES: Record<Colour, [number, number]> = {
  green: [32, 39],
  blue: [34, 39],
  grey: [90, 39],
  yellow: [33, 39],
  red: [31, 39],
  bold: [1, 22],
};

export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env['NO_COLOR'];
}

export function paint(enabled: boolean, colour: Colour, text: string): string {
  if (!enabled) return text;
  const [open, close] = CODES[colour];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}
