/**
 * Frame sinks: MP4 (H.264) or WebM (VP9, else VP8) through WebCodecs and mediabunny, and
 * animated GIF through gifenc. Each takes the composed canvas once per frame.
 */
import {
  BufferTarget,
  CanvasSource,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  Quality,
  WebMOutputFormat,
  canEncodeVideo,
  type VideoCodec,
} from 'mediabunny';
import { GIFEncoder, applyPalette, quantize } from 'gifenc';
import type { VideoFormat } from '../lib/export-plan.ts';

/** What this browser can encode at a size: the MP4 codec, the WebM codec, or neither. */
export interface VideoSupport {
  mp4: boolean;
  webm?: 'vp9' | 'vp8';
}

/** Asks WebCodecs which codecs it encodes at `width` × `height` (none without a VideoEncoder). */
export async function videoSupport(width: number, height: number): Promise<VideoSupport> {
  if (typeof VideoEncoder === 'undefined') return { mp4: false };
  const can = (codec: VideoCodec) => canEncodeVideo(codec, { width, height, quality: QUALITY_HIGH }).catch(() => false);
  const [avc, vp9, vp8] = await Promise.all([can('avc'), can('vp9'), can('vp8')]);
  return { mp4: avc, webm: vp9 ? 'vp9' : vp8 ? 'vp8' : undefined };
}

/** Receives composed frames, then gives the file. */
export interface FrameSink {
  /** Adds the canvas's picture as frame `index`, shown for `seconds`. */
  add(index: number, seconds: number): Promise<void>;
  finish(): Promise<Blob>;
  cancel(): Promise<void>;
}

/** A sink for `format` reading `canvas`; `fps` gives frame `i` its time `i / fps`. */
export async function openSink(format: VideoFormat, canvas: HTMLCanvasElement, fps: number, webm: 'vp9' | 'vp8' = 'vp9'): Promise<FrameSink> {
  return format === 'gif' ? gifSink(canvas, fps) : videoSink(format, canvas, fps, webm);
}

/** Quantizers (lower is finer): H.264 0–51, VP8 and VP9 0–63 in WebCodecs. */
const QUANTIZER: Record<'avc' | 'vp9' | 'vp8', number> = { avc: 22, vp9: 28, vp8: 20 };

async function videoSink(format: 'mp4' | 'webm', canvas: HTMLCanvasElement, fps: number, webm: 'vp9' | 'vp8'): Promise<FrameSink> {
  const output = new Output({
    format: format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const codec = format === 'mp4' ? 'avc' : webm;
  const { width, height } = canvas;
  // Software encoding in 'quality' latency mode (no frame is dropped) at a constant quantizer
  // where the encoder has one: VP9 and VP8 then give the same stream for the same frames. Chromium's
  // H.264 encoder has no quantizer mode and takes the bitrate instead; at 1280×720 and above its
  // bits vary slightly between runs although the frames given to it are identical (checked by
  // hashing them), so an exact copy needs WebM. The bitrate is generous: text and thin lines.
  const source = new CanvasSource(canvas, {
    codec,
    quality: new Quality({ quantizer: QUANTIZER[codec], bitrate: Math.round(width * height * fps * 0.2) }),
    latencyMode: 'quality',
    hardwareAcceleration: 'prefer-software',
    keyFrameInterval: 2,
  });
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  let time = 0;
  return {
    async add(_index, seconds) {
      await source.add(time, seconds);
      time += seconds;
    },
    async finish() {
      await output.finalize();
      const buffer = output.target.buffer;
      if (!buffer) throw new Error('no output');
      return new Blob([buffer], { type: format === 'mp4' ? 'video/mp4' : 'video/webm' });
    },
    cancel: () => output.cancel(),
  };
}

function gifSink(canvas: HTMLCanvasElement, fps: number): FrameSink {
  const gif = GIFEncoder();
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  return {
    async add(_index, seconds) {
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      // A palette per frame: the map's colours change little, the caption's not at all.
      const palette = quantize(data, 256);
      gif.writeFrame(applyPalette(data, palette), canvas.width, canvas.height, { palette, delay: Math.round(seconds * 1000) || Math.round(1000 / fps) });
    },
    async finish() {
      gif.finish();
      return new Blob([gif.bytes().slice()], { type: 'image/gif' });
    },
    async cancel() {},
  };
}
