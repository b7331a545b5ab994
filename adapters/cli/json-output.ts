// JSON.stringify escapes C0 controls only: DEL, C1 (a terminal may take U+009B as CSI), bidi controls, line
// separators and BOM from remote text would still act on a terminal. Outside strings JSON has none of them, so each
// becomes its \uXXXX escape: the same JSON value, inert on screen.
const ACTING = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The Report(s) as pretty JSON that keeps remote text verbatim and shows no acting character raw. */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(ACTING, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
