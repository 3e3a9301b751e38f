/**
 * Pre-renders unit symbols with milsymbol at build time, so the shipped app carries small
 * SVG strings instead of the symbol library.
 */
import ms from 'milsymbol';
import type { Unit } from '../lib/types.ts';

/** One pre-rendered symbol: SVG text, its pixel size and the point that marks the position. */
export interface SymbolImage {
  svg: string;
  width: number;
  height: number;
  anchor: { x: number; y: number };
}

/** Symbol size in px (milsymbol's `size`: the frame's height before decorations). */
export const SYMBOL_SIZE = 22;

/** True if milsymbol accepts `sidc` as a valid 2525C code. */
export function isValidSidc(sidc: string): boolean {
  return new ms.Symbol(sidc, { size: SYMBOL_SIZE }).isValid() === true;
}

/** Renders every unit's symbol, keyed by unit id. */
export function renderSymbols(units: Record<string, Unit>): Record<string, SymbolImage> {
  const out: Record<string, SymbolImage> = {};
  for (const [id, unit] of Object.entries(units)) {
    const symbol = new ms.Symbol(unit.sidc, { size: SYMBOL_SIZE, strokeWidth: 3, outlineWidth: 2, outlineColor: 'white' });
    const size = symbol.getSize();
    const anchor = symbol.getAnchor();
    out[id] = {
      svg: symbol.asSVG(),
      width: Math.ceil(size.width),
      height: Math.ceil(size.height),
      anchor: { x: Math.round(anchor.x * 10) / 10, y: Math.round(anchor.y * 10) / 10 },
    };
  }
  return out;
}
