/**
 * The ground-held series of a pack, derived once per page and pack in a worker (it costs a
 * second or more of CPU: issue 15 #6), started only when a chart asks for it.
 */
import type { HeldDay } from '../lib/compare.ts';

const pending = new Map<string, Promise<HeldDay[]>>();

/** The series for the pack whose manifest is at `manifestUrl` (absolute); one worker per pack. */
export function heldSeriesOf(manifestUrl: string): Promise<HeldDay[]> {
  let p = pending.get(manifestUrl);
  if (!p) {
    p = new Promise<HeldDay[]>((resolve, reject) => {
      const worker = new Worker(new URL('../held-series-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<{ series?: HeldDay[]; error?: string }>) => {
        worker.terminate();
        if (e.data.series) resolve(e.data.series);
        else reject(new Error(e.data.error ?? 'no series'));
      };
      worker.onerror = (e) => {
        worker.terminate();
        reject(new Error(e.message || 'the worker failed'));
      };
      worker.postMessage({ manifest: manifestUrl });
    });
    // A failure is not kept: the next chart asks again.
    p.catch(() => pending.delete(manifestUrl));
    pending.set(manifestUrl, p);
  }
  return p;
}
