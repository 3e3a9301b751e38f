/** English messages of the full map's offline status: added by OfflineStatus (the embed has none). */
export const enOffline = {
  'offline.ready': 'This map is now saved in your browser: it will open and work without a network.',
  'offline.update': 'A new version of the map is ready.',
  'offline.reload': 'Reload to update',
} as const;
