/**
 * Arguments of `geo:query`, parsed without throwing: either a query or a usage error.
 */
import { parseIsoDate, parseMoment } from './dates.ts';

/** A parsed `geo:query` call. */
export interface QueryArgs {
  date: string;
  day: number;
  at: [number, number];
  pack: string;
}

export const QUERY_USAGE =
  'usage: npm run -s geo:query -- --date YYYY-MM-DD[THH:MM] --at LON,LAT [--pack geo/<pack>/manifest.json]\n' +
  '  a date alone is what the map shows for that day (the end of the day); THH:MM is local time in Korea';

/** Parses argv (without node and script) into a query, or an error message. */
export function parseQueryArgs(argv: readonly string[], defaultPack: string): QueryArgs | { error: string } {
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (!['--date', '--at', '--pack'].includes(key)) return { error: `unknown argument ${JSON.stringify(key)}` };
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) return { error: `${key} needs a value` };
    opts.set(key, value);
    i++;
  }
  const date = opts.get('--date');
  if (date === undefined) return { error: '--date is required' };
  const day = parseMoment(date);
  if (day === undefined) return { error: dateError(date) };
  const at = opts.get('--at');
  if (at === undefined) return { error: '--at is required' };
  const parts = at.split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.length !== 2 || parts.some((s) => s === '') || !nums.every(Number.isFinite)) return { error: `--at ${JSON.stringify(at)} must be LON,LAT in decimal degrees` };
  const [lon, lat] = nums;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return { error: `--at ${at}: longitude must be within ±180 and latitude within ±90` };
  return { date, day, at: [lon, lat], pack: opts.get('--pack') ?? defaultPack };
}

/** Why `--date` was refused: the date part, or the time part, in words. */
function dateError(date: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(.*)$/.exec(date);
  if (!m || parseIsoDate(m[1]) === undefined) return `--date ${JSON.stringify(date)} is not a valid YYYY-MM-DD date (optionally with THH:MM)`;
  return `--date ${JSON.stringify(date)}: ${JSON.stringify(m[2])} is not a valid time; use HH:MM from 00:00 to 24:00, local time in Korea`;
}
