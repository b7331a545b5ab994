import { runBot } from './bot.js';

void runBot(process);
