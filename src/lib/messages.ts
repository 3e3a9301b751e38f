/**
 * The postMessage protocol between an embed and its host page. Inbound messages are parsed
 * strictly (unknown shapes are dropped, never thrown on); outbound ones carry only the
 * documented fields.
 */
import { parseIsoDate } from './dates.ts';

/** Host → embed. */
export type Inbound =
  | { type: 'campaign-map:setDate'; date: string }
  | { type: 'campaign-map:play' }
  | { type: 'campaign-map:pause' };

/** Embed → host. */
export type Outbound =
  | { type: 'campaign-map:ready'; date: string; phase: string }
  | { type: 'campaign-map:datechange'; date: string; phase: string }
  | { type: 'campaign-map:height'; height: number }
  /** A lesson reached stop `stop` (0-based) of `stops`. */
  | { type: 'campaign-map:stop'; stop: number; stops: number; date: string }
  /** The student's first answer at stop `stop` was right or not (never the answer itself). */
  | { type: 'campaign-map:answer'; stop: number; correct: boolean }
  /** The lesson's summary is shown: how many questions, how many answered right. */
  | { type: 'campaign-map:lessonend'; questions: number; correct: number };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Parses an inbound message's data; undefined unless it is exactly one of the documented shapes. */
export function parseInbound(data: unknown): Inbound | undefined {
  try {
    if (!isPlainObject(data)) return undefined;
    const keys = Object.keys(data);
    if (data.type === 'campaign-map:play' && keys.length === 1) return { type: 'campaign-map:play' };
    if (data.type === 'campaign-map:pause' && keys.length === 1) return { type: 'campaign-map:pause' };
    if (data.type === 'campaign-map:setDate' && keys.length === 2 && typeof data.date === 'string' && parseIsoDate(data.date) !== undefined) {
      return { type: 'campaign-map:setDate', date: data.date };
    }
  } catch {
    // A hostile object (a throwing getter or proxy) is simply not a message.
  }
  return undefined;
}

/**
 * Accepts an inbound message only from the configured parent origin. With no parent origin
 * configured, nothing is accepted: the host must say who it is (`parentOrigin`).
 */
export function acceptInbound(origin: string, parentOrigin: string | undefined, data: unknown): Inbound | undefined {
  if (!parentOrigin || origin !== parentOrigin) return undefined;
  return parseInbound(data);
}

/** Largest height an embed reports, px: beyond it the host should scroll, not grow. */
export const MAX_HEIGHT = 4000;

/** The height message for a document height, rounded and clamped. */
export function heightMessage(height: number): Extract<Outbound, { type: 'campaign-map:height' }> {
  return { type: 'campaign-map:height', height: Math.max(0, Math.min(MAX_HEIGHT, Math.ceil(height))) };
}
