/**
 * What the GPU layers draw is what the pure functions say, on the real pack: unit spans give
 * unitsAt's positions, and arrow features carry every arrow once with ids the map fades.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack, type Pack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { arrowFeatures, spanAt, unitSpans, unitStopLabels, unitsAt } from '../../src/lib/forces.ts';
import { frontAt } from '../../src/lib/morph.ts';
import { morphPairs } from '../../src/lib/morph-pairs.ts';

let pack: Pack;
beforeAll(async () => {
  pack = await loadPack('geo/korea-1951-01/manifest.json', fsJsonReader);
});

/** Every quarter day of the campaign and every stop boundary and either side of it, where off-by-one errors live. */
function moments(): number[] {
  const out = new Set<number>();
  for (let d = pack.startDay; d <= pack.endDay; d += 0.25) out.add(d);
  for (const t of pack.tracks) for (const s of t.stops) for (const d of [s.from, s.to]) for (const e of [-1e-6, 0, 1e-6]) out.add(d + e);
  return [...out];
}

describe('GPU parity on the campaign pack', () => {
  it('unit spans put every unit where unitsAt does, and nowhere else', () => {
    const spans = unitSpans(pack.tracks);
    for (const day of moments()) {
      const gpu = spans.flatMap((s) => {
        const at = spanAt(s, day);
        return at ? [[s.unit, at[0], at[1]]] : [];
      });
      const cpu = unitsAt(pack.tracks, day).features.map((f) => [f.properties.unit, ...f.geometry.coordinates]);
      const key = (r: unknown[]) => JSON.stringify(r.map((v) => (typeof v === 'number' ? v.toFixed(9) : v)));
      expect(gpu.map(key).sort(), `day ${day}`).toEqual(cpu.map(key).sort());
    }
  });

  it('unit labels sit on the stops, ids matching the spans', () => {
    const spans = unitSpans(pack.tracks);
    const labels = unitStopLabels(pack.tracks, spans);
    expect(labels.features.length).toBe(spans.filter((s) => !s.moving).length);
    for (const f of labels.features) expect(f.geometry.coordinates).toEqual(spans[f.id as number].from);
  });

  it('arrow features hold each arrow once: shaft 2i, head 2i + 1', () => {
    const fc = arrowFeatures(pack.arrows);
    expect(fc.features.map((f) => f.id)).toEqual(pack.arrows.flatMap((_, i) => [2 * i, 2 * i + 1]));
    expect(fc.features.filter((f) => f.geometry.type === 'LineString').map((f) => f.properties.id)).toEqual(pack.arrows.map((a) => a.props.id));
  });

  it('the front pair and weight blend to frontAt at every quarter day', () => {
    const pairs = morphPairs(pack.prepared);
    for (let day = pack.startDay; day <= pack.endDay; day += 0.25) {
      const state = frontAt(pack.prepared, day);
      const { index, weight } = pairs.pairOf(state);
      const p = pairs.pair(index);
      let worst = 0;
      p.from.forEach((f, i) => {
        worst = Math.max(worst, Math.abs(f[0] + (p.to[i][0] - f[0]) * weight - state.coords[i][0]), Math.abs(f[1] + (p.to[i][1] - f[1]) * weight - state.coords[i][1]));
      });
      expect(p.from.length).toBe(state.coords.length);
      expect(p.from.length).toBeLessThanOrEqual(pairs.capacity(index));
      expect(worst, `day ${day}`).toBeLessThan(1e-10);
    }
  });
});
