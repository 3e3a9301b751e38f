/**
 * Unit symbols and place labels (issue 12 #11): the units layer is a custom layer, outside
 * MapLibre's label placement, so the map hides a town's label under a unit symbol and moves a
 * major city's name right of it (or, where that is taken too, keeps it: the city wins); a
 * town's label that the moved name would meet gives way to it.
 * Checked at several dates at 1280×800; the screenshots go to tests/.artifacts/.
 */
import { describe, expect, inject, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { openPage, waitForMap } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

interface Seen {
  /** Unit symbol boxes [x0, y0, x1, y1]. */
  units: number[][];
  /** Each major city name drawn right of its symbol, with the other drawn labels its box meets. */
  moved: { id: string; box: number[]; meets: string[]; near: string[] }[];
  /** Every placed place label, its rank, whether hidden, and the unit boxes its box meets. */
  labels: { id: string; layer: string; rank: number; covered: boolean; hits: number; near: number }[];
}

describe('place labels and unit symbols', () => {
  for (const date of ['1951-01-04', '1951-01-08', '1951-01-16', '1951-01-26']) {
    it(`no unit symbol sits on a drawn place label, and major city names stay (${date})`, async () => {
      const w = await openPage(browser, { viewport: { width: 1280, height: 800 } });
      await w.page.goto(`${base}?date=${date}`);
      await waitForMap(w.page);
      // Let the map settle (labels are looked at when it is idle).
      await w.page.waitForFunction(() => (document.querySelector('.map') as unknown as { testMap: { loaded(): boolean } }).testMap.loaded());
      await w.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const seen: Seen = await w.page.evaluate(() => {
        type Feature = { id?: string | number; properties: Record<string, unknown>; state: Record<string, unknown> };
        const el = document.querySelector('.map') as unknown as {
          testMap: { queryRenderedFeatures(g?: unknown, o?: unknown): Feature[] };
          unitBoxes(): number[][];
        };
        const units = el.unitBoxes();
        const map = el.testMap;
        // A label's placed box meets a unit's box (shrunk by 1.5 px: touching is not covering).
        const meets = (layer: string, pad: number) => {
          const hits = new Map<string, number>();
          for (const [x0, y0, x1, y1] of units) {
            for (const f of map.queryRenderedFeatures([[x0 + pad, y0 + pad], [x1 - pad, y1 - pad]], { layers: [layer] })) {
              hits.set(String(f.id), (hits.get(String(f.id)) ?? 0) + 1);
            }
          }
          return hits;
        };
        // A moved name's box, found by probing the placement along its row and column (the
        // layer ignores placement, so MapLibre reports it wherever it is drawn).
        const probe = (id: string, x: number, y: number, dx: number, dy: number) => {
          let n = 0;
          while (n < 400 && map.queryRenderedFeatures([x + dx * (n + 1), y + dy * (n + 1)], { layers: ['place-labels-clear'] }).some((f) => String(f.id) === id)) n++;
          return n;
        };
        const movedBoxes = map
          .queryRenderedFeatures(undefined, { layers: ['place-labels-clear'] })
          .filter((f) => f.state.covered === true)
          .map((f) => {
            const id = String(f.id);
            const at = (f as unknown as { geometry: { coordinates: [number, number] } }).geometry.coordinates;
            const p = (map as unknown as { project(c: [number, number]): { x: number; y: number } }).project(at);
            // From the dot rightwards to where the name starts, then to where it ends.
            let x = p.x;
            while (x < p.x + 200 && !map.queryRenderedFeatures([x, p.y], { layers: ['place-labels-clear'] }).some((g) => String(g.id) === id)) x++;
            const [x1, y0, y1] = [x + probe(id, x, p.y, 1, 0), p.y - probe(id, x, p.y, 0, -1), p.y + probe(id, x, p.y, 0, 1)];
            return { id, box: [x, y0, x1, y1] };
          });
        const drawnLabel = (f: Feature, layer: string) => (layer === 'place-labels') !== (f.state.covered === true);
        const moved = movedBoxes.map(({ id, box: [x0, y0, x1, y1] }) => ({
          id,
          box: [x0, y0, x1, y1],
          meets: ['place-labels', 'place-labels-clear'].flatMap((layer) =>
            map
              .queryRenderedFeatures([[x0 + 1.5, y0 + 1.5], [x1 - 1.5, y1 - 1.5]], { layers: [layer] })
              .filter((f) => String(f.id) !== id && drawnLabel(f, layer))
              .map((f) => `${String(f.id)} (${layer})`),
          ),
          // Grown by 1.5 px, drawn or not: the labels that may have given way to it.
          near: map.queryRenderedFeatures([[x0 - 1.5, y0 - 1.5], [x1 + 1.5, y1 + 1.5]], { layers: ['place-labels'] }).map((f) => String(f.id)),
        }));
        // Each place label as drawn: place-labels unless covered, then (major cities) place-labels-clear.
        return {
          units,
          moved,
          labels: ['place-labels', 'place-labels-clear'].flatMap((layer) => {
            const hits = meets(layer, 1.5);
            // Grown by 1.5 px: what the map may have counted as meeting (its own boxes, exact).
            const near = meets(layer, -1.5);
            return map.queryRenderedFeatures(undefined, { layers: [layer] }).map((f) => ({
              id: String(f.id),
              layer,
              rank: Number(f.properties.rank),
              covered: f.state.covered === true,
              hits: hits.get(String(f.id)) ?? 0,
              near: near.get(String(f.id)) ?? 0,
            }));
          }),
        };
      });
      mkdirSync('tests/.artifacts', { recursive: true });
      writeFileSync(`tests/.artifacts/labels-${date}.png`, await w.page.locator('.map').screenshot());
      writeFileSync(`tests/.artifacts/labels-${date}.json`, JSON.stringify(seen.moved));
      expect(seen.units.length).toBeGreaterThan(5);
      const shown = seen.labels.filter((l) => (l.layer === 'place-labels') !== l.covered);
      // No label that is drawn meets a unit symbol (its normal place or, for a major city, the moved one)...
      // A major city's own name may meet one only where its moved name would meet one too (it wins).
      const moved = new Map(seen.labels.filter((l) => l.layer === 'place-labels-clear').map((l) => [l.id, l.near]));
      expect(shown.filter((l) => l.hits > 0 && !(l.rank === 1 && l.layer === 'place-labels' && (moved.get(l.id) ?? 0) > 0))).toEqual([]);
      // A label is hidden only where a unit symbol is, or a city's name moved clear of one.
      const gaveWay = new Set(seen.moved.flatMap((m) => m.near));
      expect(seen.labels.filter((l) => l.layer === 'place-labels' && l.covered && l.near === 0 && !gaveWay.has(l.id))).toEqual([]);
      // A name moved right of its symbol meets no other drawn place label.
      expect(seen.moved.filter((m) => m.meets.length > 0)).toEqual([]);
      // Major city names stay (moved right of the symbol where one covers them).
      for (const id of ['seoul', 'suwon', 'wonju']) expect(shown.map((l) => l.id)).toContain(id);
      expect(shown.filter((l) => l.layer === 'place-labels-clear').every((l) => l.rank === 1)).toBe(true);
      await w.context.close();
    });
  }
});
