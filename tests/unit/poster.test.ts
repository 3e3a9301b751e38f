import { beforeAll, describe, expect, it } from 'vitest';
import { frameProjector, openingFrame, posterDrawing } from '../../src/lib/poster.ts';
import { loadPack, type Pack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { viewAt } from '../../src/lib/view.ts';
import { dayOf } from '../../src/lib/dates.ts';
import { CAMERA } from '../../src/map/style.ts';

const BOUNDS: [[number, number], [number, number]] = [[125.6, 36.4], [129.6, 38.4]];

describe('the camera the map opens with (MapLibre fitBounds, zoom range, maxBounds)', () => {
  it('fits the bounds inside the padding and centres them', () => {
    const f = openingFrame(BOUNDS, 800, 600, CAMERA);
    const project = frameProjector(f);
    const [x0, y0] = project([BOUNDS[0][0], BOUNDS[1][1]]);
    const [x1, y1] = project([BOUNDS[1][0], BOUNDS[0][1]]);
    // Width limits here (4° of longitude is wider than 2° of latitude at 37° N): padding on the sides.
    expect(x0).toBeCloseTo(10, 0);
    expect(x1).toBeCloseTo(790, 0);
    expect((y0 + y1) / 2).toBeCloseTo(300, 0);
    expect(y1 - y0).toBeLessThan(580);
  });

  it('keeps to the zoom range', () => {
    expect(openingFrame(BOUNDS, 120, 100, { ...CAMERA, maxBounds: [[-180, -80], [180, 80]] }).zoom).toBe(CAMERA.minZoom);
    expect(openingFrame([[127, 37], [127.001, 37.001]], 800, 600, CAMERA).zoom).toBe(CAMERA.maxZoom);
  });

  it('stays inside maxBounds: zooms in when the box is wider than them, pans when it would leave them', () => {
    // A very wide box: at the fitted zoom the view would reach past 118° E and 138° E.
    const wide = openingFrame(BOUNDS, 6000, 300, CAMERA);
    const p = frameProjector(wide);
    expect(p([CAMERA.maxBounds[0][0], 37])[0]).toBeCloseTo(0, 0);
    expect(p([CAMERA.maxBounds[1][0], 37])[0]).toBeCloseTo(6000, 0);
    // Bounds at the edge of maxBounds: panned so the view stays inside.
    const edge = openingFrame([[118, 40], [119, 43.9]], 800, 600, CAMERA);
    expect(frameProjector(edge)([118, 42])[0]).toBeCloseTo(0, 0);
  });
});

describe('the poster drawing', () => {
  let pack: Pack;
  beforeAll(async () => {
    pack = await loadPack('geo/korea-1951-01/manifest.json', fsJsonReader);
  });

  it('draws the basemap, territory and front of the date, in the box', () => {
    const frame = openingFrame(pack.manifest.camera.bounds, 1000, 700, CAMERA);
    const d = posterDrawing(pack, viewAt(pack, dayOf('1951-01-04')), frame);
    expect(d.mainland.length).toBeGreaterThan(1000);
    expect(d.north).toMatch(/^M[\d.-]+ [\d.-]+L/);
    expect(d.front[1] + d.front[2] + d.front[3]).not.toBe('');
    expect(d.places.length).toBeGreaterThan(10);
    for (const p of d.places) expect(p.x).toBeGreaterThan(-10);
  });

  it('draws no-man\'s land and the forward line where the date has them, and none where it has not', () => {
    const frame = openingFrame(pack.manifest.camera.bounds, 1000, 700, CAMERA);
    const withBand = posterDrawing(pack, viewAt(pack, dayOf('1951-01-12')), frame);
    expect(withBand.noMansLand).not.toBe('');
    expect(withBand.forward).not.toBe('');
    const without = posterDrawing(pack, viewAt(pack, dayOf('1950-12-31')), frame);
    expect(without.noMansLand).toBe('');
    expect(without.forward).toBe('');
  });

  it('follows the date: two dates, two fronts', () => {
    const frame = openingFrame(pack.manifest.camera.bounds, 1000, 700, CAMERA);
    const a = posterDrawing(pack, viewAt(pack, dayOf('1951-01-04')), frame);
    const b = posterDrawing(pack, viewAt(pack, dayOf('1951-01-25')), frame);
    expect(a.north).not.toBe(b.north);
    expect(a.mainland).toBe(b.mainland);
  });
});
