/**
 * The page without JavaScript: static SVG pictures of the front at the start of each phase,
 * with the phase summaries in both languages, generated at build time: figures in <noscript>,
 * pictures as SVG files beside the pages.
 */
import { simplify } from '@turf/turf';
import { narrativeIn, type Pack } from '../lib/campaign.ts';
import { LABEL, drawBasemap, drawView, projector, type SvgDrawing } from '../lib/svg-map.ts';
import { viewAt } from '../lib/view.ts';
import { formatDate } from '../lib/i18n.ts';
import { COLORS } from '../map/colors.ts';
import { KOREAN_TEXT_FACES, LABEL_FONT } from '../map/fonts.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A standalone SVG file of one drawing: no script, no external references. */
export function svgFile(d: SvgDrawing): string {
  const dash: Record<1 | 2 | 3, string> = { 1: '', 2: ' stroke-dasharray="9 6"', 3: ' stroke-dasharray="2 5" stroke-linecap="round"' };
  const fronts = ([1, 2, 3] as const)
    .filter((g) => d.front[g])
    .map((g) => `<path d="${d.front[g]}" fill="none" stroke="${COLORS.front}" stroke-width="3"${dash[g]}/>`)
    .join('');
  // No-man's land as its pale ground with the dotted forward line; infiltrated areas outlined.
  const zones =
    (d.noMansLand ? `<path d="${d.noMansLand}" fill="${COLORS.noMansLand}"/>` : '') +
    (d.forward ? `<path d="${d.forward}" fill="none" stroke="${COLORS.front}" stroke-width="1.5" stroke-dasharray="0 4" stroke-linecap="round"/>` : '') +
    d.infiltrated.map((a) => `<path d="${a.d}" fill="${COLORS.infiltrated}" fill-opacity="${0.15 * a.opacity}" stroke="${COLORS.infiltrated}" stroke-dasharray="4 3" stroke-opacity="${a.opacity}"/>`).join('');
  const places = d.places
    .map((p) => `<circle cx="${p.x}" cy="${p.y}" r="3" fill="${COLORS.label}"/>${p.hideEn ? '' : `<text x="${p.endEn ? p.x - LABEL.gap : p.x + LABEL.gap}" y="${p.y + 4}"${p.endEn ? ' text-anchor="end"' : ''} font-size="${LABEL.size}" font-family="sans-serif" fill="${COLORS.label}">${escapeHtml(p.name_en)}</text>`}`)
    .join('');
  return (
    `<svg viewBox="${d.viewBox}" width="${d.width}" height="${d.height}" xmlns="http://www.w3.org/2000/svg">` +
    `<defs><path id="m" d="${d.mainland}"/><clipPath id="c"><use href="#m"/></clipPath></defs>` +
    `<rect width="${d.width}" height="${d.height}" fill="${COLORS.sea}"/>` +
    `<use href="#m" fill="${COLORS.land}" stroke="${COLORS.coast}" stroke-width="0.8"/>` +
    `<g clip-path="url(#c)"><path d="${d.north}" fill="${COLORS.north}" fill-opacity="0.3"/>${zones}${fronts}</g>` +
    `<path d="${d.rivers}" fill="none" stroke="${COLORS.river}" stroke-width="1"/>${places}</svg>`
  );
}

/** Where a phase's picture is published, relative to the pages. */
export function pictureFile(phaseId: string): string {
  return `noscript/${phaseId}.svg`;
}

/** The pack with a coastline simplified for small pictures (no 10 m coast needed there). */
function lightPack(pack: Pack): Pack {
  return {
    ...pack,
    basemap: {
      ...pack.basemap,
      mainland: simplify(pack.basemap.mainland, { tolerance: 0.01, highQuality: true }),
      rivers: simplify(pack.basemap.rivers as never, { tolerance: 0.01 }) as never,
      land: { type: 'FeatureCollection', features: [] },
    },
  };
}

/** The picture of the front at the start of every phase, keyed by file path (see pictureFile). */
export function noscriptPictures(pack: Pack, width = 480): Record<string, string> {
  const light = lightPack(pack);
  const base = drawBasemap(light, width);
  return Object.fromEntries(
    light.manifest.phases.map((phase, i) => [pictureFile(phase.id), svgFile(drawView(light, viewAt(pack, pack.phaseDays[i]), width, base))]),
  );
}

/** The figures (one per phase, or per phase in `only`), each picture's address from `src`. */
function figuresHtml(pack: Pack, width: number, src: (phaseId: string) => string, only?: readonly string[]): string {
  // The pictures' size depends only on the camera bounds, not on the (simplified) coastline.
  const { height } = projector(pack.manifest.camera.bounds, width);
  return pack.manifest.phases
    .flatMap((phase, i) => {
      if (only && !only.includes(phase.id)) return [];
      const day = pack.phaseDays[i];
      const en = narrativeIn(pack, 'en').phases[phase.id];
      const ko = narrativeIn(pack, 'ko').phases[phase.id];
      const date = formatDate('en', day);
      return (
        `<figure class="ns-phase"><figcaption><strong>${escapeHtml(date)}: ${escapeHtml(en.name)}</strong> ` +
        `<span lang="ko">(${escapeHtml(formatDate('ko', day))}: ${escapeHtml(ko.name)})</span></figcaption>` +
        `<img src="${src(phase.id)}" width="${width}" height="${Math.round(height)}" alt="${escapeHtml(`Front line on ${date}`)}">` +
        `<p>${escapeHtml(en.summary)}</p><p lang="ko">${escapeHtml(ko.summary)}</p></figure>`
      );
    })
    .join('');
}

const INTRO_EN = 'This interactive map needs JavaScript.';
const INTRO_KO = '이 지도는 자바스크립트가 필요합니다.';

/**
 * The <noscript> content: one figure per phase (or per phase in `only`) with the date, name and
 * summary in English and Korean. The pictures are separate files, so a browser with JavaScript
 * (which never renders <noscript>) never downloads them.
 */
export function noscriptHtml(pack: Pack, width = 480, only?: readonly string[]): string {
  return (
    `<div class="ns"><p>${INTRO_EN} Below: the front at the start of each phase (shaded: PVA/KPA side; dashed or dotted: approximate). ` +
    `<span lang="ko">${INTRO_KO} 아래는 단계별 첫날의 전선입니다.</span></p>${figuresHtml(pack, width, (id) => `./${pictureFile(id)}`, only)}</div>`
  );
}

/** Where the page of the phases without JavaScript is published, relative to the pages. */
export const NOSCRIPT_PAGE = 'noscript/index.html';

/**
 * The short <noscript> content of the embed (its first-view bytes are budgeted): a bilingual
 * line and a link, in the same frame, to the page of the phases (see noscriptPage).
 */
export function noscriptLinkHtml(): string {
  return (
    `<div class="ns"><p>${INTRO_EN} <span lang="ko">${INTRO_KO}</span></p>` +
    `<p><a class="ns-link" href="./${NOSCRIPT_PAGE}">The front, phase by phase <span lang="ko">(단계별 전선)</span></a></p></div>`
  );
}

/**
 * The app's own Korean faces (subset Hangul, Han), relative to this stylesheet in noscript/:
 * a system without a Korean font draws the Korean text with them, not as boxes.
 */
const FONT_CSS = KOREAN_TEXT_FACES.map(
  (f) => `@font-face{font-family:"${LABEL_FONT}";src:url(../${f.path}) format("woff2");unicode-range:${f.ranges.join(',')};font-display:swap}\n`,
).join('');

/** The stylesheet of the page of the phases (no inline styles under the CSP). */
const PAGE_CSS = `${FONT_CSS}body{margin:0;font-family:system-ui,sans-serif;line-height:1.45;color:#1b1f24;background:#fff}
h1{font-size:1.4rem;margin:0}
a{color:#0b57a4}
:lang(ko){font-family:"${LABEL_FONT}",system-ui,sans-serif;word-break:keep-all}
.ns{padding:1rem;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));max-width:1200px;margin:0 auto}
.ns>h1,.ns>p{grid-column:1/-1;margin:0}
.ns-phase{margin:0}
.ns-phase p{margin:.3rem 0;font-size:.9rem}
.ns-phase img{display:block;width:100%;height:auto}
@media (prefers-color-scheme:dark){body{color:#e6e8eb;background:#15181c}a{color:#8cc4ff}}
`;

/**
 * The page of the phases for readers without JavaScript: every phase's picture, date, name and
 * summary in English and Korean, under the pages' Content-Security-Policy (no script, no inline style).
 */
export function noscriptPage(pack: Pack, csp: string, width = 480): string {
  return (
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="UTF-8">\n<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<link rel="icon" href="data:,">\n` +
    `<title>Korea, January 1951 – the front, phase by phase (한국, 1951년 1월 – 단계별 전선)</title>\n<link rel="stylesheet" href="./noscript.css">\n</head>\n` +
    `<body>\n<main class="ns"><h1>Korea, January 1951: the front, phase by phase <span lang="ko">(한국, 1951년 1월: 단계별 전선)</span></h1>` +
    `<p>${INTRO_EN} Below: the front at the start of each phase (shaded: PVA/KPA side; dashed or dotted: approximate). ` +
    `<span lang="ko">${INTRO_KO} 아래는 단계별 첫날의 전선입니다.</span></p>${figuresHtml(pack, width, (id) => `./${id}.svg`)}</main>\n</body>\n</html>\n`
  );
}

/** Every file of the no-JavaScript fallback beside the pages: the pictures, and the page of the phases with its stylesheet. */
export function noscriptFiles(pack: Pack, csp: string, width = 480): Record<string, string> {
  return { ...noscriptPictures(pack, width), [NOSCRIPT_PAGE]: noscriptPage(pack, csp, width), 'noscript/noscript.css': PAGE_CSS };
}
