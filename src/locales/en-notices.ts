/**
 * English messages of the notices about a link's values (a bad date, language, compare or lesson):
 * added by the notices (Notices.svelte) when one is first shown, so a page whose link is fine does
 * not download them.
 */
export const enNotices = {
  'notice.badDate': 'The date “{value}” in the link is not a valid date (YYYY-MM-DD), so the map opens on {fallback}.',
  'notice.dateOutOfRange': 'The date {value} is outside this map’s range, so it opens on {fallback}, the nearest date it covers.',
  'notice.badLang': 'The language “{value}” is not available.',
  'notice.badCompare': 'The link’s compare value “{value}” is not two dates (YYYY-MM-DD,YYYY-MM-DD) between {start} and {end}, so the map opens without compare.',
  'notice.compareInPresent': 'Compare is not available in present mode, so the map shows one date.',
  'notice.compareInLesson': 'Compare is not available during a lesson, so the lesson shows one date.',
  'notice.compareUnavailable': 'Compare could not be loaded (is the connection down?), so the map shows one date. Ask again to retry.',
  'notice.badParam': 'The link’s value “{value}” for “{name}” is not valid, so the default is used.',
  'notice.lesson.tooLong': 'The lesson in this link is longer than a lesson can be, so the plain map opens.',
  'notice.lesson.version': 'The lesson in this link was made by a newer version of this map, so the plain map opens.',
  'notice.lesson.encoding': 'The lesson in this link is damaged (perhaps cut short when it was copied), so the plain map opens.',
  'notice.lesson.invalid': 'The lesson in this link is not valid, so the plain map opens.',
} as const;
