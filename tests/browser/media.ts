/**
 * Reading exported files back: MP4/WebM demuxed in Node by mediabunny, frames decoded by the
 * browser's own VideoDecoder (Node has none) and hashed there, GIFs parsed by their block structure.
 */
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import type { Page } from 'playwright-core';

/** A video file's container facts and its packets. */
export interface Demuxed {
  format: string;
  duration: number;
  codec: string | null;
  width: number;
  height: number;
  packets: { key: boolean; timestamp: number; duration: number; data: string }[];
  config: { codec: string; codedWidth?: number; codedHeight?: number; description?: number[] };
}

export async function demux(bytes: Uint8Array): Promise<Demuxed> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('no video track');
  const packets: Demuxed['packets'] = [];
  for await (const p of new EncodedPacketSink(track).packets())
    packets.push({ key: p.type === 'key', timestamp: p.timestamp, duration: p.duration, data: Buffer.from(p.data).toString('base64') });
  const config = await track.getDecoderConfig();
  if (!config) throw new Error('no decoder config');
  const d = config.description;
  const description = d ? [...(ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(d))] : undefined;
  return {
    format: (await input.getFormat()).name,
    duration: await input.computeDuration(),
    codec: track.codec,
    width: track.displayWidth,
    height: track.displayHeight,
    packets,
    config: { codec: config.codec, codedWidth: config.codedWidth, codedHeight: config.codedHeight, description },
  };
}

/** Decoded frames: a hash of every frame's pixels, and the RGBA of the frames asked for. */
export interface Decoded {
  hashes: string[];
  frames: Record<number, Buffer>;
  width: number;
  height: number;
}

/** Decodes every frame in `page` (a page of our origin: WebCodecs needs a secure context). */
export async function decodeFrames(page: Page, video: Demuxed, keep: number[]): Promise<Decoded> {
  const out = await page.evaluate(async ({ video, keep }) => {
    const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const kept: Record<number, string> = {};
    let width = 0;
    let height = 0;
    const frames: VideoFrame[] = [];
    const decoder = new VideoDecoder({ output: (f) => frames.push(f), error: (e) => { throw e; } });
    decoder.configure({ ...video.config, description: video.config.description ? new Uint8Array(video.config.description) : undefined });
    for (const p of video.packets)
      decoder.decode(new EncodedVideoChunk({ type: p.key ? 'key' : 'delta', timestamp: Math.round(p.timestamp * 1e6), duration: Math.round(p.duration * 1e6), data: bytes(p.data) }));
    await decoder.flush();
    const hashes: string[] = [];
    for (const [i, f] of frames.entries()) {
      width = f.displayWidth;
      height = f.displayHeight;
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2D context');
      ctx.drawImage(f, 0, 0);
      f.close();
      const data = ctx.getImageData(0, 0, width, height).data;
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
      hashes.push([...digest].map((x) => x.toString(16).padStart(2, '0')).join(''));
      if (!keep.includes(i)) continue;
      let s = '';
      for (let k = 0; k < data.length; k += 0x8000) s += String.fromCharCode(...data.subarray(k, k + 0x8000));
      kept[i] = btoa(s);
    }
    return { hashes, kept, width, height };
  }, { video, keep });
  const frames: Record<number, Buffer> = {};
  for (const [i, b64] of Object.entries(out.kept)) frames[Number(i)] = Buffer.from(b64, 'base64');
  return { hashes: out.hashes, frames, width: out.width, height: out.height };
}

/** A GIF's screen size, frame count and each frame's delay (ms), from its block structure. */
export function parseGif(b: Uint8Array): { width: number; height: number; frames: number; delays: number[] } {
  const sig = String.fromCharCode(...b.subarray(0, 6));
  if (sig !== 'GIF89a' && sig !== 'GIF87a') throw new Error(`not a GIF: ${sig}`);
  const width = b[6] | (b[7] << 8);
  const height = b[8] | (b[9] << 8);
  let i = 13 + (b[10] & 0x80 ? 3 * 2 ** ((b[10] & 7) + 1) : 0);
  const skipBlocks = () => {
    while (b[i] !== 0) i += b[i] + 1;
    i++;
  };
  let frames = 0;
  const delays: number[] = [];
  let delay = 0;
  while (i < b.length) {
    const block = b[i++];
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = b[i++];
      if (label === 0xf9) delay = (b[i + 2] | (b[i + 3] << 8)) * 10;
      skipBlocks();
    } else if (block === 0x2c) {
      const packed = b[i + 8];
      i += 9 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
      i++; // LZW minimum code size
      skipBlocks();
      frames++;
      delays.push(delay);
    } else throw new Error(`bad GIF block 0x${block.toString(16)} at ${i - 1}`);
  }
  return { width, height, frames, delays };
}

/** Mean absolute difference of RGB over a rectangle of two RGBA images of width `w`. */
export function regionDiff(a: Uint8Array, b: Uint8Array, w: number, box: { x: number; y: number; width: number; height: number }): number {
  let sum = 0;
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++) {
      const k = (y * w + x) * 4;
      sum += Math.abs(a[k] - b[k]) + Math.abs(a[k + 1] - b[k + 1]) + Math.abs(a[k + 2] - b[k + 2]);
    }
  return sum / (3 * box.width * box.height);
}
