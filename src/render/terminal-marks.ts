import type { Tone } from '../command/chat-message.js';
import type { Severity } from '../report/report.js';
import type { Colour } from './terminal-style.js';

export const TONE_COLOURS: Record<Tone, Colour> = { good: 'green', info: 'blue', neutral: 'grey', warning: 'yellow' };
export const SEVERITY_MARKS: Record<Severity, [string, Colour]> = { error: ['✗', 'red'], warning: ['!', 'yellow'], info: ['i', 'blue'] };
