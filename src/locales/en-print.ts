/** English messages of the print handout: added by its page (PrintApp). */
export const enPrint = {
  'print.title': 'Korea, January 1951 – print handout',
  'print.intro': 'Handout: the front at the start of each phase, with a one-line summary and the sources. Shaded and hatched: PVA/KPA side. Solid line: documented; dashed: reconstructed from named places; dotted: approximate.',
  'print.button': 'Print',
  'print.legend': 'Lines between the dates shown were interpolated by the map and are not sourced positions.',
} as const;
