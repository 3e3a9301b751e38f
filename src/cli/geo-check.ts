/**
 * `npm run geo:check [manifest…]`: validates every pack under geo/ (or the manifests given)
 * and prints one line per problem naming the file, feature and problem; exit 1 on any.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadPack, PackError } from '../lib/campaign.ts';
import { fsJsonReader } from '../lib/fs-json.ts';
import { formatProblem } from '../lib/validate.ts';
import { isValidSidc } from '../build/unit-symbols.ts';
import { allFirstViews } from '../build/first-view-file.ts';

function packManifests(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'manifest.json')))
    .map((d) => join(root, d.name, 'manifest.json'));
}

const manifests = process.argv.length > 2 ? process.argv.slice(2) : packManifests('geo');
let failed = 0;
for (const m of manifests) {
  try {
    const pack = await loadPack(m, fsJsonReader, { isValidSidc });
    // Pages that start with the overview check the data against its coast (fronts from sea to sea).
    if (pack.manifest.files.basemapOverview) await loadPack(m, fsJsonReader, { isValidSidc, basemap: 'overview' });
    // The embed's first view (the build's first-view.json) draws the same opening picture as the full data.
    const firstView = (await allFirstViews(m, pack)).problems;
    for (const line of firstView) process.stdout.write(`error ${m}: ${line}\n`);
    if (firstView.length) failed++;
    process.stdout.write(`ok ${m}: ${pack.fronts.features.length} fronts, ${pack.places.features.length} places, ${Object.keys(pack.units).length} units, ${pack.arrows.length} arrows, ${pack.manifest.phases.length} phases\n`);
  } catch (e) {
    failed++;
    const lines = e instanceof PackError ? e.problems.map(formatProblem) : [e instanceof Error ? e.message : String(e)];
    for (const line of lines) process.stdout.write(`error ${line}\n`);
  }
}
if (manifests.length === 0) {
  process.stdout.write('error no pack manifests found under geo/\n');
  failed++;
}
process.exit(failed ? 1 : 0);
