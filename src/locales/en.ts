/** English message catalogue: the reference list of keys every language must provide. */
export const en = {
  'app.title': 'Korea, January 1951',
  'app.subtitle': 'The New Year’s Offensive, the fall of Seoul and the UN return north',
  'app.skipToNarrative': 'Skip to the narrative',
  'app.loading': 'Loading the map…',
  'app.footer': 'Code MIT licence. Basemap from Natural Earth (public domain); rivers from GSHHG (LGPL). Every line and paragraph cites its sources.',

  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.ko': '한국어',

  'slider.label': 'Date',
  'slider.valuetext': '{date} – {phase}',
  'slider.prevDay': 'Previous day',
  'slider.nextDay': 'Next day',
  'slider.help': 'Arrow keys: one day. Page Up/Page Down: one phase. Home/End: first or last day.',

  'player.play': 'Play',
  'player.pause': 'Pause',
  'player.speed': 'Speed',
  'player.speed.slow': 'Slow',
  'player.speed.normal': 'Normal',
  'player.speed.fast': 'Fast',

  'front.keyframe': 'Front line as reconstructed for {date}.',
  'front.interpolated': 'Interpolated: an in-between frame from the line of {from} to the line of {to}, not a sourced position.',
  'front.plateau': 'No recorded change between {from} and {to}: the line of {from} is shown.',
  'front.certainty.1': 'documented',
  'front.certainty.2': 'reconstructed from named places',
  'front.certainty.3': 'approximate',
  'front.worst': 'Least certain part: {grade}.',

  'narrative.heading': 'What happened',
  'narrative.phases': 'Phases',
  'narrative.sources': 'Sources',
  'narrative.phaseButton': '{date}: {name}',
  'narrative.frontSources': 'Front line sources',
  'narrative.cites': 'Sources: {keys}',

  'legend.title': 'Legend',
  'legend.un': 'UN side (south of the front)',
  'legend.pva': 'PVA/KPA side (shaded, north of the front)',
  'legend.front': 'Front line',
  'legend.certainty.1': 'documented',
  'legend.certainty.2': 'reconstructed from named places',
  'legend.certainty.3': 'approximate',
  'legend.parallel': '38th parallel',
  'legend.river': 'River',

  'side.UN': 'UN',
  'side.PVA/KPA': 'PVA/KPA',

  'query.hint': 'Click or tap the map to see who held a place on this date.',
  'query.result': 'On {date} the point {lngLat} was on the {side} side, {km} from the front line.',
  'query.interpolatedNote': 'The front here is interpolated between two dated lines.',
  'query.close': 'Close',
  'query.choose': 'Or choose a place:',
  'query.choosePlaceholder': '— place —',
  'place.spelling1951': 'Spelling in 1951 sources',
  'place.coordSource': 'Position from',
  'place.coordSrc.G': 'GeoNames (modern town centre)',
  'place.coordSrc.W': 'Wikipedia coordinates',
  'place.coordSrc.E': 'an estimate (within a few km)',
  'place.coordSrc.D': 'a distance or bearing given in a historical source',

  'map.label': 'Map of Korea with the front line on {date}',
  'map.attribution': 'Natural Earth · GSHHG',

  'notice.badDate': 'The date “{value}” in the link is not a valid date (YYYY-MM-DD), so the map opens on {fallback}.',
  'notice.dateOutOfRange': 'The date {value} is outside this map’s range, so it opens on {fallback}, the nearest date it covers.',
  'notice.badLang': 'The language “{value}” is not available.',
  'notice.dismiss': 'Dismiss',

  'error.load': 'The campaign data could not be loaded.',
  'error.retry': 'Retry',
  'error.webgl': 'The interactive map could not start on this device (WebGL is unavailable). The dates and the narrative still work.',

  'date.long': '{day} {month} {year}',
  'date.short': '{day} {month}',
  'unit.km': '{value} km',

  'month.1': 'January', 'month.2': 'February', 'month.3': 'March', 'month.4': 'April',
  'month.5': 'May', 'month.6': 'June', 'month.7': 'July', 'month.8': 'August',
  'month.9': 'September', 'month.10': 'October', 'month.11': 'November', 'month.12': 'December',
  'monthShort.1': 'Jan', 'monthShort.2': 'Feb', 'monthShort.3': 'Mar', 'monthShort.4': 'Apr',
  'monthShort.5': 'May', 'monthShort.6': 'Jun', 'monthShort.7': 'Jul', 'monthShort.8': 'Aug',
  'monthShort.9': 'Sep', 'monthShort.10': 'Oct', 'monthShort.11': 'Nov', 'monthShort.12': 'Dec',
} as const;

/** Every message key. */
export type MessageKey = keyof typeof en;
