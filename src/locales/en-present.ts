/** English messages of present mode: added by PresentMode (the embed has none). */
export const enPresent = {
  'present.exit': 'Leave present mode (Esc)',
  'present.keys': 'Next phase: Page Down, → or Space. Previous phase: Page Up or ←.',
} as const;
