// C0/C1 controls, DEL, line/paragraph separators, bidi controls, BOM and lone surrogates could rewrite or hide the
// text around them in a terminal or chat client.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|\p{Surrogate}/gu;

const visible = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Remote text made visible-safe: every unsafe character is shown as a \uXXXX escape instead of acting. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** escapeUnsafe for text laid out in lines (chat messages, code blocks): newlines and tabs stay as they are. */
export function escapeUnsafeKeepingLines(text: string): string {
  return text.replace(UNSAFE, (c) => (c === '\n' || c === '\t' ? c : visible(c)));
}
