/**
 * The GPU front layer against the GeoJSON rendering it replaced, in pixels: the same
 * fractional dates drawn by both (tests/browser/front-compare.ts), the GeoJSON side fed with
 * the CPU blend that the click, geo:query, the describe text and the SVG map use.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { openPage, type Watched } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { decode, type Image } from './pixels.ts';
import { dayOf } from '../../src/lib/dates.ts';
import { COLORS } from '../../src/map/colors.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
let w: Watched;

beforeAll(async () => {
  w = await openPage(browser);
  await w.page.goto(`${base}tests/browser/front-compare.html`);
  await w.page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 60_000 });
}, 90_000);

type Masks = { band: Uint8Array; line: Uint8Array; tint: Uint8Array };

/** Which pixels are the front's band (casing or line), its line colour, and the territory. */
function masks(img: Image): Masks {
  const n = img.width * img.height;
  const band = new Uint8Array(n);
  const line = new Uint8Array(n);
  const tint = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const [r, g, b] = [img.data[4 * i], img.data[4 * i + 1], img.data[4 * i + 2]];
    // The line colour #6b0f1a and its antialiased edges; the casing is near-white (land is
    // #f3efe4: blue 228); the territory's tint and hatch are red with green well below blue+20.
    line[i] = r < 190 && g < 110 && b < 120 ? 1 : 0;
    band[i] = line[i] || b >= 238 ? 1 : 0;
    tint[i] = !band[i] && r - b > 20 ? 1 : 0;
  }
  return { band, line, tint };
}

const count = (m: Uint8Array) => m.reduce((s, v) => s + v, 0);

/** Share of the pixels set in `a` that have a pixel set in `b` within `radius`. */
function covered(a: Uint8Array, b: Uint8Array, width: number, radius: number): number {
  const height = a.length / width;
  let hits = 0;
  let total = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!a[y * width + x]) continue;
      total++;
      search: for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx >= 0 && yy >= 0 && xx < width && yy < height && b[yy * width + xx]) {
            hits++;
            break search;
          }
        }
      }
    }
  }
  return total ? hits / total : 1;
}

const png = (url: string) => decode(Buffer.from(url.split(',')[1], 'base64'));

describe('the GPU front layer', () => {
  // Keyframe dates and in-between moments (fractions of a day), across the month.
  const moments = [['1950-12-31', 0], ['1951-01-02', 0.5], ['1951-01-05', 0.25], ['1951-01-15', 0.5], ['1951-01-26', 0.7]] as const;
  it.each(moments)('draws the front of %s + %s day as the GeoJSON layers draw the CPU blend', async (iso, fraction) => {
    const day = dayOf(iso) + fraction;
    const shots = (await w.page.evaluate(`window.compare(${day})`)) as { gpu: string; geojson: string };
    const gpu = png(shots.gpu);
    const ref = png(shots.geojson);
    // Both pictures are kept for people to compare (tests/.artifacts is not committed).
    mkdirSync('tests/.artifacts', { recursive: true });
    writeFileSync(`tests/.artifacts/front-compare-${iso}-${fraction}-gpu.png`, Buffer.from(shots.gpu.split(',')[1], 'base64'));
    writeFileSync(`tests/.artifacts/front-compare-${iso}-${fraction}-geojson.png`, Buffer.from(shots.geojson.split(',')[1], 'base64'));
    const a = masks(gpu);
    const b = masks(ref);
    const stats = {
      band: [count(a.band), count(b.band)],
      line: [count(a.line), count(b.line)],
      tint: [count(a.tint), count(b.tint)],
      bandAinB: covered(a.band, b.band, gpu.width, 1),
      bandBinA: covered(b.band, a.band, gpu.width, 1),
      lineAinB: covered(a.line, b.line, gpu.width, 2),
      lineBinA: covered(b.line, a.line, gpu.width, 2),
    };
    const said = JSON.stringify(stats);
    expect(count(b.band)).toBeGreaterThan(1000);
    // The front's band (line and casing) lies where the GeoJSON one does, within a pixel.
    expect(stats.bandAinB, said).toBeGreaterThan(0.97);
    expect(stats.bandBinA, said).toBeGreaterThan(0.97);
    // The line's own colour (dashes and dots included) and the territory cover the same areas.
    expect(stats.lineAinB, said).toBeGreaterThan(0.95);
    expect(stats.lineBinA, said).toBeGreaterThan(0.95);
    expect(Math.abs(count(a.tint) / count(b.tint) - 1), said).toBeLessThan(0.03);
    expect(Math.abs(count(a.line) / count(b.line) - 1), said).toBeLessThan(0.15);
  });
});

/** No-man's land's pale ground (COLORS.noMansLand), away from its dots. */
function bandGround(img: Image): Uint8Array {
  const [gr, gg, gb] = [1, 3, 5].map((k) => parseInt(COLORS.noMansLand.slice(k, k + 2), 16));
  const out = new Uint8Array(img.width * img.height);
  for (let i = 0; i < out.length; i++) {
    const [r, g, b] = [img.data[4 * i], img.data[4 * i + 1], img.data[4 * i + 2]];
    out[i] = Math.abs(r - gr) <= 3 && Math.abs(g - gg) <= 3 && Math.abs(b - gb) <= 3 ? 1 : 0;
  }
  return out;
}

/** The infiltrated areas' red dots and dashed outline (COLORS.infiltrated over land), inside `box`. */
function redIn(img: Image, box: [number, number, number, number]): Uint8Array {
  const out = new Uint8Array(img.width * img.height);
  for (let y = Math.max(0, Math.floor(box[1])); y < Math.min(img.height, Math.ceil(box[3])); y++) {
    for (let x = Math.max(0, Math.floor(box[0])); x < Math.min(img.width, Math.ceil(box[2])); x++) {
      const i = y * img.width + x;
      const [r, g, b] = [img.data[4 * i], img.data[4 * i + 1], img.data[4 * i + 2]];
      out[i] = r > 120 && g < 120 && b < 120 && r - g > 50 ? 1 : 0;
    }
  }
  return out;
}

describe('zones drawn by the GPU front layer', () => {
  // Before any band; the band growing out of the front (6 Jan, in between); the full band and
  // the infiltration (12 Jan); the infiltration fading in (10 Jan, about 09:30); Osan back in the
  // band after the Wolfhound recall (16 Jan, evening); the band gone with Thunderbolt (26 Jan).
  const moments = [['1951-01-04', 0, false], ['1951-01-06', -0.6, true], ['1951-01-12', 0, true], ['1951-01-10', -0.6, true], ['1951-01-16', -0.2, true], ['1951-01-26', 0, false]] as const;
  it.each(moments)('draws no-man\'s land and the infiltrated area of %s + %s day where the GeoJSON layers draw the CPU zones (band: %s)', async (iso, fraction, hasBand) => {
    const day = dayOf(iso) + fraction;
    const shots = (await w.page.evaluate(`window.compare(${day})`)) as { gpu: string; geojson: string; areaBox?: [number, number, number, number] };
    mkdirSync('tests/.artifacts', { recursive: true });
    writeFileSync(`tests/.artifacts/zones-compare-${iso}-${fraction}-gpu.png`, Buffer.from(shots.gpu.split(',')[1], 'base64'));
    writeFileSync(`tests/.artifacts/zones-compare-${iso}-${fraction}-geojson.png`, Buffer.from(shots.geojson.split(',')[1], 'base64'));
    const gpu = png(shots.gpu);
    const ref = png(shots.geojson);
    const [a, b] = [bandGround(gpu), bandGround(ref)];
    // Within 2 px: the two renderers may start the dot pattern half a repeat apart.
    const stats: Record<string, number | number[]> = { band: [count(a), count(b)], bandAinB: covered(a, b, gpu.width, 2), bandBinA: covered(b, a, gpu.width, 2) };
    if (!hasBand) {
      // A band is thousands of pixels; a few of the infiltrated area's faint edges share its colour.
      expect(count(a), JSON.stringify(stats)).toBeLessThan(100);
      expect(count(b), JSON.stringify(stats)).toBeLessThan(100);
    } else {
      expect(count(b), JSON.stringify(stats)).toBeGreaterThan(500);
      expect(Math.abs(count(a) / count(b) - 1), JSON.stringify(stats)).toBeLessThan(0.05);
      expect(stats.bandAinB, JSON.stringify(stats)).toBeGreaterThan(0.97);
      expect(stats.bandBinA, JSON.stringify(stats)).toBeGreaterThan(0.97);
    }
    if (shots.areaBox) {
      const [ra, rb] = [redIn(gpu, shots.areaBox), redIn(ref, shots.areaBox)];
      const red = { red: [count(ra), count(rb)], redAinB: covered(ra, rb, gpu.width, 2), redBinA: covered(rb, ra, gpu.width, 2) };
      expect(count(rb), JSON.stringify(red)).toBeGreaterThan(100);
      // The dots are sampled from a texture twice their size on both sides, a little fainter here.
      expect(Math.abs(count(ra) / count(rb) - 1), JSON.stringify(red)).toBeLessThan(0.3);
      expect(red.redAinB, JSON.stringify(red)).toBeGreaterThan(0.9);
      expect(red.redBinA, JSON.stringify(red)).toBeGreaterThan(0.9);
    }
  });
});
