/**
 * Compare's figures off the main thread: clipping the mainland for two dates takes about a
 * second on a slow machine, far more than a frame. The page sends the pack once (without what
 * the figures do not read), then pairs of dates; the land index is built once.
 */
import type { Pack } from '../../lib/campaign.ts';
import type { LandIndex } from '../../lib/areas.ts';
import { compareFigures, landIndexOf } from '../../lib/compare.ts';
import type { FiguresRequest, FiguresReply } from './figures-client.svelte.ts';

let pack: Pack | undefined;
let index: LandIndex | undefined;

self.onmessage = (e: MessageEvent<{ pack: Pack } | FiguresRequest>) => {
  const msg = e.data;
  if ('pack' in msg) {
    pack = msg.pack;
    index = undefined;
    return;
  }
  if (!pack) return;
  let reply: FiguresReply;
  try {
    index ??= landIndexOf(pack);
    reply = { id: msg.id, figures: compareFigures(pack, index, msg.a, msg.b) };
  } catch (err) {
    reply = { id: msg.id, error: String(err) };
  }
  self.postMessage(reply);
};
