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
  | { type: 'campaign-map:pause' }
  /** Open compare mode on dates A, B (`YYYY-MM-DD`), or leave it (`dates` absent or null). */
  | { type: 'campaign-map:setCompare'; dates: readonly [string, string] | null };

/** Embed → host. */
export type Outbound =
  | { type: 'campaign-map:ready'; date: string; phase: string }
  | { type: 'campaign-map:datechange'; date: string; phase: string }
  /** Compare mode opened or its dates changed (`dates`: A, B), or it was left (`dates: null`). */
  | { type: 'campaign-map:comparechange'; dates: [string, string] | null }
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
    if (data.type === 'campaign-map:setCompare') {
      if (keys.length === 1 || (keys.length === 2 && data.dates === null)) return { type: 'campaign-map:setCompare', dates: null };
      const dates = data.dates;
      if (keys.length === 2 && Array.isArray(dates) && dates.length === 2) {
        const [a, b] = [dates[0], dates[1]];
        if (typeof a === 'string' && typeof b === 'string' && parseIsoDate(a) !== undefined && parseIsoDate(b) !== undefined) {
          return { type: 'campaign-map:setCompare', dates: [a, b] };
        }
      }
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
