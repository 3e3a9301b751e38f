import { loadPack } from './src/lib/campaign.ts';
import { fsJsonReader } from './src/lib/fs-json.ts';
import { holderAt } from './src/lib/view.ts';
import { momentOf, momentIso } from './src/lib/dates.ts';
(async () => {
const pack = await loadPack('geo/korea-1951-01/manifest.json', fsJsonReader);
const at = (id: string) => pack.places.features.find((p) => p.properties.id === id)!.geometry.coordinates as [number, number];
const ids = process.argv.slice(4);
const from = momentOf(process.argv[2]), to = momentOf(process.argv[3]);
let last: Record<string,string> = {};
for (let d = from; d <= to + 1e-9; d += 1/24) for (const id of ids) {
  const a = holderAt(pack, d, at(id)); const s = `${a.side}/${a.zone}`;
  if (last[id] !== s) { console.log(momentIso(d), id, s, a.frontDistanceKm); last[id] = s; }
}
})();
