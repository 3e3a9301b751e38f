/** English messages of the legend's entries: added by the legend (the embed's is loaded when first opened) and the export. */
export const enLegend = {
  'legend.un': 'UN side (south of the front)',
  'legend.pva': 'PVA/KPA side (shaded, north of the front)',
  'legend.front': 'Front line',
  'legend.certainty.1': 'documented',
  'legend.certainty.2': 'reconstructed from named places',
  'legend.certainty.3': 'approximate',
  'legend.noMansLand': 'No-man’s land: held by neither side (grey dots); its dotted north edge is the PVA/KPA forward line',
  'legend.infiltrated': 'Infiltrated: enemy troops moving behind the UN front (red dots)',
  'legend.parallel': '38th parallel',
  'legend.river': 'River',
  'legend.refLines': 'Named lines',
  'legend.refLineDates': '{name} ({from} – {to})',
  'legend.arrowAttack': 'Attack or withdrawal, in the direction of the move (blue UN, red PVA/KPA)',
  'legend.arrowRaid': 'Raid or infiltration',
} as const;
