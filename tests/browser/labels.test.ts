/**
 * Unit symbols and place labels (issue 12 #11): the units layer is a custom layer, outside
 * MapLibre's label placement, so the map hides a town's label under a unit symbol and moves a
 * major city's name right of it (or, where that is taken too, keeps it: the city wins).
 * Checked at several dates at 1280×800; the screenshots go to tests/.artifacts/.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launch, openPage, waitForMap } from './chromium.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Seen {
  /** Unit symbol boxes [x0, y0, x1, y1]. */
  units: number[][];
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
        // Each place label as drawn: place-labels unless covered, then (major cities) place-labels-clear.
        return {
          units,
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
      expect(seen.units.length).toBeGreaterThan(5);
      const shown = seen.labels.filter((l) => (l.layer === 'place-labels') !== l.covered);
      // No label that is drawn meets a unit symbol (its normal place or, for a major city, the moved one)...
      // A major city's own name may meet one only where its moved name would meet one too (it wins).
      const moved = new Map(seen.labels.filter((l) => l.layer === 'place-labels-clear').map((l) => [l.id, l.near]));
      expect(shown.filter((l) => l.hits > 0 && !(l.rank === 1 && l.layer === 'place-labels' && (moved.get(l.id) ?? 0) > 0))).toEqual([]);
      // A label is hidden only where a unit symbol is.
      expect(seen.labels.filter((l) => l.layer === 'place-labels' && l.covered && l.near === 0)).toEqual([]);
      // Major city names stay (moved right of the symbol where one covers them).
      for (const id of ['seoul', 'suwon', 'wonju']) expect(shown.map((l) => l.id)).toContain(id);
      expect(shown.filter((l) => l.layer === 'place-labels-clear').every((l) => l.rank === 1)).toBe(true);
      await w.context.close();
    });
  }
});
