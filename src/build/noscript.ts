/**
 * The page without JavaScript: static SVG pictures of the front at the start of each phase,
 * with the phase summaries in both languages, generated at build time into <noscript>.
 */
import { simplify } from '@turf/turf';
import type { Pack } from '../lib/campaign.ts';
import { drawBasemap, drawView, type SvgDrawing } from '../lib/svg-map.ts';
import { viewAt } from '../lib/view.ts';
import { formatDate } from '../lib/i18n.ts';
import { COLORS } from '../map/colors.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The basemap paths, defined once per page and drawn by reference in every picture. */
function sharedDefs(d: SvgDrawing): string {
  return (
    `<svg width="0" height="0" aria-hidden="true"><defs>` +
    `<path id="ns-mainland" d="${d.mainland}"/><path id="ns-rivers" d="${d.rivers}"/>` +
    `<clipPath id="ns-clip"><use href="#ns-mainland"/></clipPath></defs></svg>`
  );
}

/** A static SVG of one drawing (no script, no external references); needs sharedDefs on the page. */
export function svgMarkup(d: SvgDrawing, label: string): string {
  const dash: Record<1 | 2 | 3, string> = { 1: '', 2: ' stroke-dasharray="9 6"', 3: ' stroke-dasharray="2 5" stroke-linecap="round"' };
  const fronts = ([1, 2, 3] as const)
    .filter((g) => d.front[g])
    .map((g) => `<path d="${d.front[g]}" fill="none" stroke="${COLORS.front}" stroke-width="3"${dash[g]}/>`)
    .join('');
  const places = d.places
    .map((p) => `<circle cx="${p.x}" cy="${p.y}" r="3" fill="${COLORS.label}"/><text x="${p.x + 5}" y="${p.y + 4}" font-size="12" fill="${COLORS.label}">${escapeHtml(p.name_en)}</text>`)
    .join('');
  return (
    `<svg viewBox="${d.viewBox}" width="100%" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">` +
    `<rect width="${d.width}" height="${d.height}" fill="${COLORS.sea}"/>` +
    `<use href="#ns-mainland" fill="${COLORS.land}" stroke="${COLORS.coast}" stroke-width="0.8"/>` +
    `<g clip-path="url(#ns-clip)"><path d="${d.north}" fill="${COLORS.north}" fill-opacity="0.3"/>${fronts}</g>` +
    `<use href="#ns-rivers" fill="none" stroke="${COLORS.river}" stroke-width="1"/>${places}</svg>`
  );
}

/**
 * The <noscript> content: one figure per phase (or per phase in `only`, for the compact
 * embed) with the date, name and summary in English and Korean.
 */
export function noscriptHtml(pack: Pack, width = 480, only?: readonly string[]): string {
  // Small pictures need no 10 m coastline: a simplified one keeps the page light.
  const light: Pack = {
    ...pack,
    basemap: {
      ...pack.basemap,
      mainland: simplify(pack.basemap.mainland, { tolerance: 0.01, highQuality: true }),
      rivers: simplify(pack.basemap.rivers as never, { tolerance: 0.01 }) as never,
      land: { type: 'FeatureCollection', features: [] },
    },
  };
  const base = drawBasemap(light, width);
  const figures = light.manifest.phases.flatMap((phase, i) => {
    if (only && !only.includes(phase.id)) return [];
    const view = viewAt(pack, pack.phaseDays[i]);
    const en = pack.narratives.en.phases[phase.id];
    const ko = pack.narratives.ko.phases[phase.id];
    const date = formatDate('en', view.day);
    return (
      `<figure class="ns-phase"><figcaption><strong>${escapeHtml(date)}: ${escapeHtml(en.name)}</strong> ` +
      `<span lang="ko">(${escapeHtml(formatDate('ko', view.day))}: ${escapeHtml(ko.name)})</span></figcaption>` +
      svgMarkup(drawView(light, view, width, base), `Front line on ${date}`) +
      `<p>${escapeHtml(en.summary)}</p><p lang="ko">${escapeHtml(ko.summary)}</p></figure>`
    );
  });
  return (
    `<div class="ns"><p>This interactive map needs JavaScript. Below: the front at the start of each phase (shaded: PVA/KPA side; dashed or dotted: approximate). ` +
    `<span lang="ko">이 지도는 자바스크립트가 필요합니다. 아래는 단계별 첫날의 전선입니다.</span></p>${sharedDefs({ ...base, north: '', front: { 1: '', 2: '', 3: '' } })}${figures.join('')}</div>`
  );
}
