/** English messages of the forces panel: added by it (the embed does not show it). */
export const enForces = {
  'forces.title': 'Forces on the map ({count})',
  'forces.framing': 'Symbols follow NATO APP-6 / MIL-STD-2525 from the UN point of view: UN units are “friendly” (blue rectangles), PVA and KPA units “hostile” (red diamonds). This is the symbol convention, not a judgement. A unit is shown only on dates its position is known.',
  'forces.noteLoading': 'Loading the note…',
  'forces.noteFailed': 'The note on this unit could not be loaded.',
  'forces.unplaced': 'Listed, not on the map on this date ({count})',
  'forces.unplacedHint': 'Formations of this month whose position on this date the sources do not give.',
} as const;
