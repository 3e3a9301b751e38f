/** English messages of the map's description: added by src/lib/describe.ts (and compare's sentences), which the embed loads once its first view is complete. */
export const enDescribe = {
  'describe.front': 'On {date} the front line ran near {places} (listed west to east).',
  'describe.un': 'Key places on the UN side: {places}.',
  'describe.pva': 'Key places on the PVA/KPA side: {places}.',
  'describe.lostByUN': 'Passed to the PVA/KPA side since {date}: {places}.',
  'describe.gainedByUN': 'Regained by the UN since {date}: {places}.',
  'describe.noChange': 'No key place changed sides since {date}.',
  'describe.noMansLand': 'No-man’s land, held by neither side, lay between the UN front and the PVA/KPA forward positions; in it: {places}.',
  'describe.infiltrated': 'Behind the UN front, {name}; in it: {places}.',
  'describe.interpolated': 'The line for this date is interpolated between two dated lines.',
  'describe.none': 'none',
  'describe.listSeparator': ', ',
  'describe.andMore': ' and {count} more',
} as const;
