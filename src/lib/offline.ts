/**
 * Offline after one visit: registers the service worker once the map is complete (so its
 * downloads never compete with the first view) and says when the map can work offline and
 * when a new version is ready. Only the full app registers it.
 */
import { registerSW } from 'virtual:pwa-register';

/** What the page shows about working offline. */
export type OfflineState = 'none' | 'ready' | 'update';

/** The performance mark the map sets when its first view is complete. */
const COMPLETE_MARK = 'campaign:complete';
/** Without a complete map (no WebGL: the SVG map) the worker is registered after this long. */
const FALLBACK_MS = 8000;

function afterFirstView(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
    // Idle time: the map's own work comes first.
    if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 3000 });
    else setTimeout(run, 500);
  };
  let observer: PerformanceObserver | undefined;
  if (performance.getEntriesByName(COMPLETE_MARK, 'mark').length) return once();
  try {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(COMPLETE_MARK).length) once();
    });
    observer.observe({ type: 'mark' });
  } catch {
    observer = undefined;
  }
  const timer = setTimeout(once, FALLBACK_MS);
}

/**
 * Starts offline support; `onchange` hears 'ready' once everything is cached and 'update'
 * when a new version waits. The returned function applies the waiting update (reloads).
 */
export function startOffline(onchange: (state: OfflineState) => void): () => void {
  let update: ((reload?: boolean) => Promise<void>) | undefined;
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return () => {};
  afterFirstView(() => {
    update = registerSW({
      immediate: true,
      onOfflineReady: () => onchange('ready'),
      onNeedRefresh: () => onchange('update'),
      onRegisterError: () => onchange('none'),
    });
  });
  return () => void update?.(true);
}
