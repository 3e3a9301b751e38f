/**
 * `npm run -s geo:query -- --date 1951-01-05[T14:00] --at 126.978,37.566`: who held a place at a
 * moment, through exactly the function the map click uses; `date` echoes what was given. Prints one JSON line; exit 2 on bad input.
 */
import { loadPack } from '../lib/campaign.ts';
import { fsJsonReader } from '../lib/fs-json.ts';
import { parseQueryArgs, QUERY_USAGE } from '../lib/query-args.ts';
import { holderAt } from '../lib/holder.ts';
import { isoOf } from '../lib/dates.ts';

const args = parseQueryArgs(process.argv.slice(2), 'geo/korea-1951-01/manifest.json');
if ('error' in args) {
  process.stderr.write(`geo:query: ${args.error}\n${QUERY_USAGE}\n`);
  process.exit(2);
}
try {
  const pack = await loadPack(args.pack, fsJsonReader);
  // The range is whole days: from 00:00 of the first (the slider's first step is its end) to 24:00 of the last.
  if (args.day < pack.startDay - 1 || args.day > pack.endDay) {
    process.stderr.write(`geo:query: --date ${args.date} is outside the pack's range ${isoOf(pack.startDay)}T00:00 to ${isoOf(pack.endDay)}T24:00\n`);
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify({ ...holderAt(pack, args.day, args.at), date: args.date })}\n`);
} catch (e) {
  process.stderr.write(`geo:query: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
}
