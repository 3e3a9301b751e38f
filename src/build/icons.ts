/**
 * The app's icons, drawn from its own map: the peninsula on 4 January 1951 with the PVA/KPA
 * side tinted and the front line, as on the map. `npm run icons` writes the SVG and rasterises
 * it with Debian's Chromium (PNG 192 and 512, plus a maskable 512 with the safe-zone margin);
 * the files are committed in src/assets/icons/ and published by the build (see manifestPlugin).
 */
import { writeFile } from 'node:fs/promises';
import { simplify } from '@turf/turf';
import { chromium } from 'playwright-core';
import { loadPack } from '../lib/campaign.ts';
import { fsJsonReader } from '../lib/fs-json.ts';
import { dayOf } from '../lib/dates.ts';
import { viewAt } from '../lib/view.ts';
import { drawView } from '../lib/svg-map.ts';
import { COLORS } from '../map/colors.ts';

const OUT = 'src/assets/icons';
/** A square (in the projection) around the ground the campaign was fought over. */
const BOUNDS: [[number, number], [number, number]] = [[123.9, 33.9], [131.1, 39.6]];

async function iconSvg(padding: number): Promise<string> {
  const pack = await loadPack('geo/korea-1951-01/manifest.json', fsJsonReader);
  const light = { ...pack, manifest: { ...pack.manifest, camera: { ...pack.manifest.camera, bounds: BOUNDS } }, basemap: { ...pack.basemap, mainland: simplify(pack.basemap.mainland, { tolerance: 0.02, highQuality: true }), land: { type: 'FeatureCollection' as const, features: [] }, rivers: { type: 'FeatureCollection' as const, features: [] } } };
  const d = drawView(light as never, viewAt(pack, dayOf('1951-01-04')), 512);
  const inner = 512 - 2 * padding;
  const fronts = ([1, 2, 3] as const).map((g) => d.front[g]).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">` +
    `<rect width="512" height="512" fill="${COLORS.sea}"/>` +
    `<g transform="translate(${padding} ${padding}) scale(${inner / 512} ${inner / d.height})">` +
    `<defs><path id="m" d="${d.mainland}"/><clipPath id="c"><use href="#m"/></clipPath></defs>` +
    `<use href="#m" fill="${COLORS.land}" stroke="${COLORS.coast}" stroke-width="3"/>` +
    `<g clip-path="url(#c)"><path d="${d.north}" fill="${COLORS.north}" fill-opacity="0.45"/>` +
    `<path d="${fronts}" fill="none" stroke="${COLORS.front}" stroke-width="14" stroke-linejoin="round"/></g></g></svg>`
  );
}

async function main(): Promise<void> {
  const plain = await iconSvg(0);
  // Maskable icons keep their content inside the central 80% circle.
  const maskable = await iconSvg(64);
  await writeFile(`${OUT}/icon.svg`, plain);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    for (const [name, svg, size] of [['icon-192.png', plain, 192], ['icon-512.png', plain, 512], ['icon-maskable-512.png', maskable, 512]] as const) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<style>body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
      await page.screenshot({ path: `${OUT}/${name}`, omitBackground: false });
    }
  } finally {
    await browser.close();
  }
  console.log(`icons written to ${OUT}/`);
}

await main();
