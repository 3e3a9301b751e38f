import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { parseQueryArgs } from '../../src/lib/query-args.ts';
import { dayOf } from '../../src/lib/dates.ts';

const pack = 'geo/korea-1951-01/manifest.json';

describe('parseQueryArgs', () => {
  it('parses a well-formed query', () => {
    expect(parseQueryArgs(['--date', '1951-01-05', '--at', '126.978,37.566'], pack)).toMatchObject({
      date: '1951-01-05',
      at: [126.978, 37.566],
      pack,
    });
    expect(parseQueryArgs(['--date', '1951-01-06T14:00', '--at', '127,37'], pack)).toMatchObject({ date: '1951-01-06T14:00', day: dayOf('1951-01-05') + 14 / 24 });
  });

  it.each([
    [[], /--date is required/],
    [['--date', '1951-01-05'], /--at is required/],
    [['--date', '1951-02-30', '--at', '1,2'], /not a valid YYYY-MM-DD/],
    [['--date', '1951-01-06T25:00', '--at', '1,2'], /"25:00" is not a valid time; use HH:MM from 00:00 to 24:00, local time in Korea/],
    [['--date', '1951-01-06T14', '--at', '1,2'], /"14" is not a valid time/],
    [['--date', '1951-01-06T14:00Z', '--at', '1,2'], /not a valid time/],
    [['--date', '1951-01-05', '--at', '126.9'], /LON,LAT/],
    [['--date', '1951-01-05', '--at', 'a,b'], /LON,LAT/],
    [['--date', '1951-01-05', '--at', '126.9,'], /LON,LAT/],
    [['--date', '1951-01-05', '--at', '200,37'], /longitude/],
    [['--date'], /needs a value/],
    [['--date', '--at'], /needs a value/],
    [['--when', 'x'], /unknown argument/],
  ])('rejects %j with a clear message', (argv, message) => {
    const r = parseQueryArgs(argv, pack);
    expect('error' in r && r.error).toMatch(message);
  });
});

function run(args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync('npx', ['tsx', 'src/cli/geo-query.ts', ...args], { encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}

// These spawn processes through npx: generous timeouts on a loaded machine (not speed assertions).
const CLI = { timeout: 120_000 };

describe('geo:query command', () => {
  it('prints one JSON line for a query', CLI, () => {
    const r = run(['--date', '1951-01-05', '--at', '126.978,37.566']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]);
    expect(Object.keys(answer)).toEqual(['date', 'lngLat', 'side', 'zone', 'frontDistanceKm']);
    expect(answer).toMatchObject({ date: '1951-01-05', lngLat: [126.978, 37.566], side: 'PVA/KPA' });
    expect(typeof answer.frontDistanceKm).toBe('number');
  });

  it('exits 2 with a message on bad arguments or an out-of-range date', CLI, () => {
    const bad = run(['--date', 'yesterday', '--at', '126.978,37.566']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/geo:query: --date "yesterday" is not a valid/);
    expect(bad.stderr).toMatch(/usage:/);
    const late = run(['--date', '1952-01-01', '--at', '126.978,37.566']);
    expect(late.status).toBe(2);
    expect(late.stderr).toMatch(/outside the pack's range 1950-12-31T00:00 to 1951-01-31T24:00/);
    const badTime = run(['--date', '1951-01-06T14:75', '--at', '127.009,37.291']);
    expect(badTime.status).toBe(2);
    expect(badTime.stderr).toMatch(/"14:75" is not a valid time/);
  });

  it('takes a local time and echoes what it was given; a date alone is the slider\'s moment for it', CLI, () => {
    const at = run(['--date', '1951-01-06T14:00', '--at', '127.009,37.291']);
    expect(at.status).toBe(0);
    expect(JSON.parse(at.stdout).date).toBe('1951-01-06T14:00');
    const day = JSON.parse(run(['--date', '1951-01-06', '--at', '127.009,37.291']).stdout);
    const end = JSON.parse(run(['--date', '1951-01-06T24:00', '--at', '127.009,37.291']).stdout);
    expect(day.date).toBe('1951-01-06');
    expect(end.date).toBe('1951-01-06T24:00');
    expect({ ...end, date: day.date }).toEqual(day);
  });
});
