/**
 * English message catalogue: with its parts (en-app.ts, en-builder.ts, en-legend.ts, en-notices.ts, en-offline.ts, en-present.ts, en-print.ts, en-describe.ts, en-compare.ts, en-export.ts, en-forces.ts, en-lesson.ts, en-share.ts, en-places.ts, added by the feature
 * that needs them), the reference list of keys every language must provide.
 */
import type { enApp } from './en-app.ts';
import type { enBuilder } from './en-builder.ts';
import type { enLegend } from './en-legend.ts';
import type { enNotices } from './en-notices.ts';
import type { enOffline } from './en-offline.ts';
import type { enPresent } from './en-present.ts';
import type { enPrint } from './en-print.ts';
import type { enDescribe } from './en-describe.ts';
import type { enCompare } from './en-compare.ts';
import type { enExport } from './en-export.ts';
import type { enForces } from './en-forces.ts';
import type { enLesson } from './en-lesson.ts';
import type { enShare } from './en-share.ts';
import type { enPlaces } from './en-places.ts';

export const en = {
  'app.title': 'Korea, January 1951',
  'app.pageTitle': 'Korea, January 1951 – campaign map',
  'app.subtitle': 'The New Year’s Offensive, the fall of Seoul and the UN return north',
  'app.loading': 'Loading the map…',

  'embed.fullMap': 'View the full map ↗',
  'embed.waiting': 'Loading the days ahead…',
  'embed.credit': 'Korea, January 1951 campaign map · sources cited with each paragraph · data from Natural Earth and GSHHG',
  'describe.title': 'Describe the map',
  'compare.mapSwipe': 'Map comparing {a} (left of the divider) with {b} (right of it)',
  'compare.mapOverlay': 'Map of {b} with the front of {a} and the ground that changed hands',
  'compare.svgA': 'Map on date A, {date}',
  'compare.svgB': 'Map on date B, {date}',
  'live.announce': '{date}: {phase}',
  'live.playing': 'Playing from {date}: {phase}',
  'live.paused': 'Paused on {date}: {phase}',
  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.ko': '한국어',

  'slider.label': 'Date',
  'slider.valuetext': '{date} – {phase}',
  'slider.prevDay': 'Previous day',
  'slider.nextDay': 'Next day',
  'slider.help': 'Arrow keys: one day. Page Up/Page Down: one phase. Home/End: first or last day.',
  'slider.helpEvents': 'Arrow keys: one day. Page Up/Page Down: one phase. N/P: next or previous key event. Home/End: first or last day.',
  'events.title': 'Key events ({count})',

  'player.play': 'Play',
  'player.pause': 'Pause',
  'player.speed': 'Speed',
  'player.speed.slow': 'Slow',
  'player.speed.normal': 'Normal',
  'player.speed.fast': 'Fast',

  'narrative.sources': 'Sources',
  'cite.chapter': 'ch. {n}',
  'cite.label': 'Sources:',

  'legend.title': 'Legend',

  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',
  'map.canvas': 'Map',
  'map.resetView': 'Reset the view',
  'map.hintTouch': 'Use two fingers to move the map',
  'map.hintCtrl': 'Use Ctrl + scroll to zoom the map',
  'map.hintCmd': 'Use ⌘ + scroll to zoom the map',
  'map.keys': 'Map keys: arrow keys move the map, + and − zoom in and out.',
  'side.UN': 'UN',
  'side.PVA/KPA': 'PVA/KPA',

  'query.answer': '{place}, {date}: held by the {side}, {km} behind the front.',
  'query.answerNoMansLand': '{place}, {date}: in no-man’s land, held by neither side, {km} north of the UN front.',
  'query.answerInfiltrated': '{place}, {date}: held by the {side}, {km} behind the front, in ground PVA/KPA troops had infiltrated.',
  'query.close': 'Close',
  'query.choose': 'Or choose a place:',
  'query.choosePlaceholder': '— place —',

  'map.label': 'Map of Korea with the front line on {date}',

  'notice.dismiss': 'Dismiss',

  'builder.video': 'Download a video of the lesson’s dates (opens the map in a new tab)',

  'error.load': 'The campaign data could not be loaded.',
  'error.retry': 'Retry',
  /** Over the live map while its GPU context is lost (it may come back: the SVG map replaces it after a few seconds). */
  'error.mapLostWait': 'The browser stopped the map’s graphics. Waiting for them to come back; the dates and the narrative still work.',
  /** Under the SVG map that stands in for the live one, by cause: short, so they leave a phone's small map box to the map. */
  'error.noWebgl': 'A simpler map: this browser has no WebGL. Turning on hardware acceleration may help.',
  /** The map's code (MapLibre) could not be downloaded: offline with nothing cached, or a blocked file. A Retry button follows. */
  'error.mapCode': 'A simpler map: the interactive map could not be downloaded. Check the connection, then retry.',
  /** The GPU context was lost and did not come back. A Retry button follows. */
  'error.mapLost': 'A simpler map: the browser stopped the interactive map’s graphics. Retry, or reload the page.',

  'date.long': '{day} {month} {year}',
  'date.short': '{day} {month}',
  'date.withTime': '{date}, {part} ({time})',
  'time.night': 'before dawn',
  'time.morning': 'morning',
  'time.afternoon': 'afternoon',
  'time.evening': 'evening',
  'time.lateNight': 'night',
  'unit.km': '{value} km',

  'month.1': 'January', 'month.2': 'February', 'month.3': 'March', 'month.4': 'April',
  'month.5': 'May', 'month.6': 'June', 'month.7': 'July', 'month.8': 'August',
  'month.9': 'September', 'month.10': 'October', 'month.11': 'November', 'month.12': 'December',
  'monthShort.1': 'Jan', 'monthShort.2': 'Feb', 'monthShort.3': 'Mar', 'monthShort.4': 'Apr',
  'monthShort.5': 'May', 'monthShort.6': 'Jun', 'monthShort.7': 'Jul', 'monthShort.8': 'Aug',
  'monthShort.9': 'Sep', 'monthShort.10': 'Oct', 'monthShort.11': 'Nov', 'monthShort.12': 'Dec',
} as const;

/** Every message key: this catalogue's and those of the parts only some pages need (added by addEnglish). */
export type MessageKey = keyof typeof en | keyof typeof enApp | keyof typeof enBuilder | keyof typeof enLegend | keyof typeof enNotices | keyof typeof enOffline | keyof typeof enPresent | keyof typeof enPrint | keyof typeof enDescribe | keyof typeof enCompare | keyof typeof enExport | keyof typeof enForces | keyof typeof enLesson | keyof typeof enShare | keyof typeof enPlaces;
