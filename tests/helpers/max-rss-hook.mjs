// Preloaded into a zine child (`node --import`): on exit, writes the process's peak resident memory in kB to $ZINE_MAX_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.ZINE_MAX_RSS_FILE) writeFileSync(process.env.ZINE_MAX_RSS_FILE, String(process.resourceUsage().maxRSS));
});
