/**
 * Who held named places on named dates, from the fact sheet (../shared/history/JANUARY-1951.md,
 * §§1, 2, 7 and the §9 corrections), asked through the same function as `geo:query` and the
 * map click, so the data cannot drift silently.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack, type Pack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { viewAt } from '../../src/lib/view.ts';
import { holderAt, sideOf } from '../../src/lib/holder.ts';
import { northPolygon } from '../../src/lib/territory.ts';
import { dayOf, isoOf } from '../../src/lib/dates.ts';
import type { Side } from '../../src/lib/types.ts';

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack('geo/korea-1951-01/manifest.json', fsJsonReader);
});

/** Gazetteer coordinates [lon, lat] (fact sheet §3 and §9.3). */
const PLACES: Record<string, [number, number]> = {
  Seoul: [126.978, 37.566],
  Incheon: [126.616, 37.474],
  Kaesong: [126.554, 37.971],
  Munsan: [126.785, 37.859],
  Uijeongbu: [127.051, 37.728],
  Chuncheon: [127.734, 37.875],
  Hongcheon: [127.886, 37.692],
  Suwon: [127.009, 37.291],
  Osan: [127.071, 37.152],
  Pyeongtaek: [127.089, 36.995],
  Anseong: [127.27, 37.011],
  Yeoju: [127.634, 37.296],
  Wonju: [127.945, 37.351],
  Chungju: [127.929, 36.977],
  Yeongwol: [128.462, 37.184],
  Gangneung: [128.872, 37.753],
  Mukho: [129.116, 37.549],
  Samcheok: [129.171, 37.441],
};

const UN: Side = 'UN';
const PK: Side = 'PVA/KPA';

/** [place, date, side, why (fact sheet reference)]. */
const FACTS: [string, string, Side, string][] = [
  ['Seoul', '1950-12-31', UN, '§1: Seoul held until the evacuation of 3–4 Jan'],
  ['Seoul', '1951-01-02', UN, '§2(b): Seoul bridgehead north of the Han'],
  ['Seoul', '1951-01-03', UN, '§7: evacuation ordered 3 Jan, the fall is 4 Jan'],
  ['Seoul', '1951-01-04', PK, '§1: PVA and KPA troops enter Seoul on 4 Jan'],
  ['Seoul', '1951-01-15', PK, '§5: Seoul retaken only on 14–15 March'],
  ['Seoul', '1951-01-31', PK, '§5: Seoul retaken only on 14–15 March'],
  ['Kaesong', '1950-12-31', PK, '§9.1.6: Kaesong lies outside (north-west of) Line B'],
  ['Munsan', '1950-12-31', UN, '§9.2: the line is the Imjin, 2–3 km north of Munsan-ni'],
  ['Uijeongbu', '1950-12-31', UN, '§2(a): Line B ran north of Uijongbu'],
  ['Uijeongbu', '1951-01-04', PK, '§2(c): Uijongbu and everything north on the Communist side by 5 Jan'],
  ['Chuncheon', '1950-12-31', UN, '§2(a): ROK 5th Division north of Ch\'unch\'on'],
  ['Chuncheon', '1951-01-05', PK, '§2(c): Ch\'unch\'on on the Communist side by 5 Jan'],
  ['Hongcheon', '1951-01-02', UN, '§2(b): Hongch\'on named on Line C'],
  ['Hongcheon', '1951-01-10', PK, '§2(c): the Line C anchor lost as the ROK corps withdrew'],
  ['Incheon', '1951-01-02', UN, '§1: Inch\'on port abandoned about 5 Jan'],
  ['Incheon', '1951-01-10', PK, '§9.1.2: Inch\'on port closed about 5 Jan'],
  ['Pyeongtaek', '1951-01-05', UN, '§2(c): 1 RUR arrives at P\'yongt\'aek on 5 Jan'],
  ['Pyeongtaek', '1951-01-15', UN, '§9.2: Line D passes just north of P\'yongt\'aek'],
  ['Anseong', '1951-01-10', UN, '§9.2: Ansong on the UN side of Line D'],
  ['Suwon', '1951-01-05', UN, '§9.1.3: the rear guard left Suwon at about 14:00 on 6 Jan'],
  ['Suwon', '1951-01-10', PK, '§9.1.3: Communist forces in Suwon from 7 Jan'],
  ['Suwon', '1951-01-25', PK, '§9.1.3: retaken 26 Jan'],
  ['Suwon', '1951-01-26', UN, '§9.1.3: retaken 26 Jan'],
  ['Suwon', '1951-01-31', UN, '§9.1.3: 25th Division on the Ansan–Kunpo line by 27 Jan'],
  ['Osan', '1951-01-10', PK, '§9.2: Osan empty ground north of the UN outposts 7–24 Jan'],
  ['Osan', '1951-01-16', PK, '§9.1.7: Wolfhound was a raid; Osan no-man\'s-land 16–24 Jan'],
  ['Osan', '1951-01-24', PK, '§9.1.7: Osan no-man\'s-land 16–24 Jan'],
  ['Osan', '1951-01-25', UN, '§9.1.7: UN from 25 Jan ("recaptured Osan")'],
  ['Wonju', '1951-01-05', UN, '§2(c): Wonju held by the US 2nd Division until about 7 Jan'],
  ['Wonju', '1951-01-07', UN, '§9.1.4: the 2nd Division left the town on the night of 7 Jan'],
  ['Wonju', '1951-01-08', PK, '§9.1.4: UN horseshoe about 2 miles south of the town'],
  ['Wonju', '1951-01-15', PK, '§9.2: Wonju 8–25 Jan, the UN line about 2 miles south'],
  ['Wonju', '1951-01-24', PK, '§9.1.4: the salient given up about 21–23 Jan'],
  ['Wonju', '1951-01-30', UN, '§9.1.4: X Corps on the Yoju–Wonju–Yongwol line by 30 Jan'],
  ['Wonju', '1951-01-31', UN, '§9.1.4: 2nd Division columns moved north from Wonju on 31 Jan'],
  ['Yeoju', '1951-01-30', UN, '§9.2: Yoju on the UN side on 30 Jan'],
  ['Yeongwol', '1951-01-31', UN, '§9.2: Yongwol on the UN side on 30 Jan'],
  ['Chungju', '1951-01-10', UN, '§1: X Corps HQ at Ch\'ungju'],
  ['Gangneung', '1951-01-12', PK, '§9.1.1: Kangnung not UN-held from about 9 Jan to 7 Feb'],
  ['Gangneung', '1951-01-31', PK, '§9.1.1: Kangnung retaken only on 7 Feb'],
  ['Mukho', '1951-01-12', UN, '§9.1.1: ROK I Corps on a Songgye-ri–Mukho line by about 10 Jan'],
  ['Mukho', '1951-01-31', UN, '§9.1.1: the 31 Jan coastal anchor is Mukho'],
  ['Samcheok', '1951-01-15', UN, '§9.2: Samch\'ok on the UN side; the coastal front at Mukho'],
];

describe('who held which place, as the sources say', () => {
  it.each(FACTS)('%s on %s: %s (%s)', (place, date, side) => {
    expect(holderAt(pack, dayOf(date), PLACES[place]).side).toBe(side);
  });

  it('keeps anchored towns clear of the line (at least 1 km)', () => {
    for (const [place, date] of FACTS) {
      expect(holderAt(pack, dayOf(date), PLACES[place]).frontDistanceKm, `${place} ${date}`).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('in-between frames', () => {
  it('never put a place on a side that neither bracketing dated line gives it', () => {
    const { prepared, manifest } = pack;
    const overshoots: string[] = [];
    for (let k = 0; k + 1 < prepared.length; k++) {
      const before = northPolygon(prepared[k].coords, manifest.northClosure);
      const after = northPolygon(prepared[k + 1].coords, manifest.northClosure);
      for (let h = 1; h < (prepared[k + 1].day - prepared[k].day) * 24; h++) {
        const day = prepared[k].day + h / 24;
        const now = viewAt(pack, day).north;
        for (const p of pack.places.features) {
          const c = p.geometry.coordinates;
          const side = sideOf(now, c);
          if (side !== sideOf(before, c) && side !== sideOf(after, c)) overshoots.push(`${p.properties.id} at ${isoOf(day)} +${h % 24}h`);
        }
      }
    }
    expect(overshoots).toEqual([]);
    // Every hour of the month: generous on a loaded machine (not a speed assertion).
  }, 300_000);
});
