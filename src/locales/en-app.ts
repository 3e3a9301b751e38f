/** English messages of the full map's own controls and headings: added by the app (and the export, for its footer), so the embed does not download them. */
export const enApp = {
  'app.skipToNarrative': 'Skip to the narrative',
  'app.footer': 'Code MIT licence. Basemap from Natural Earth (public domain); rivers from GSHHG (LGPL). Every line and paragraph cites its sources.',
  'print.open': 'Print handout',
  'compare.open': 'Compare two dates',
  'present.button': 'Present',
  'builder.open': 'Make a lesson',
  'notice.textFailed': 'The text in {lang} could not be loaded, so the page stays in this language. ({error})',
  'narrative.heading': 'What happened',
  'narrative.phases': 'Phases',
  'live.event': 'Key event {n}: {label}, {date}',
} as const;
