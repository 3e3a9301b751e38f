/**
 * The recorded recipe for the Han (CJK ideograph) face: a few Chinese titles and names in the
 * data (三八线上的钟摆, 彭德懷 …) and CJK brackets (《타임》) that neither Noto Sans KR's Hangul
 * file nor a system without CJK fonts can draw. Cuts Noto Sans CJK KR (SIL Open Font License
 * 1.1; Debian's `fonts-noto-cjk`) to exactly those characters and writes HAN_FONT and its
 * list of characters (checked by tests/unit/han-font.test.ts against the data).
 *
 *   npm run fonts:han [-- /path/to/NotoSansCJK-Regular.ttc]
 *
 * Run it again when the data gains a Han character (the unit test says which).
 */
import { readFile, writeFile } from 'node:fs/promises';
import subsetFont from 'subset-font';
import { usedText } from './fonts-plugin.ts';
import { cjkOf } from '../map/fonts.ts';

export const HAN_FONT = 'src/assets/fonts/noto-sans-cjk-kr-han.woff2';
export const HAN_CHARS = 'src/assets/fonts/noto-sans-cjk-kr-han.json';
const SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The face of the collection to cut: the Korean one (Hanja as Korean texts write them). */
const FACE = 'Noto Sans CJK KR';

/** The family name (name ID 1, Windows Unicode) of the sfnt whose table directory starts at `at`. */
function familyAt(buf: Buffer, at: number): string {
  const tables = buf.readUInt16BE(at + 4);
  for (let i = 0; i < tables; i++) {
    const rec = at + 12 + 16 * i;
    if (buf.toString('latin1', rec, rec + 4) !== 'name') continue;
    const name = buf.readUInt32BE(rec + 8);
    const [count, strings] = [buf.readUInt16BE(name + 2), name + buf.readUInt16BE(name + 4)];
    for (let j = 0; j < count; j++) {
      const r = name + 6 + 12 * j;
      if (buf.readUInt16BE(r) !== 3 || buf.readUInt16BE(r + 6) !== 1) continue;
      const [len, off] = [buf.readUInt16BE(r + 8), buf.readUInt16BE(r + 10)];
      return buf.subarray(strings + off, strings + off + len).swap16().toString('utf16le');
    }
  }
  return '';
}

/**
 * One face of a font collection (.ttc) as a font file: the collection's bytes with that face's
 * table directory written over the collection header (its table offsets are from the file's
 * start, and the directories precede all table data, so nothing else moves).
 */
function faceOf(ttc: Buffer, family: string): Buffer {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') throw new Error('not a font collection (.ttc)');
  const offsets = Array.from({ length: ttc.readUInt32BE(8) }, (_, i) => ttc.readUInt32BE(12 + 4 * i));
  const at = offsets.find((o) => familyAt(ttc, o) === family);
  if (at === undefined) throw new Error(`no face named ${family} in the collection`);
  const size = 12 + 16 * ttc.readUInt16BE(at + 4);
  const out = Buffer.from(ttc);
  ttc.copy(out, 0, at, at + size);
  return out;
}

async function main(): Promise<void> {
  const source = process.argv[2] ?? SOURCE;
  const chars = [...cjkOf(await usedText(process.cwd()))].sort().join('');
  const face = faceOf(await readFile(source), FACE);
  const woff2 = await subsetFont(face, chars, { targetFormat: 'woff2' });
  await writeFile(HAN_FONT, woff2);
  await writeFile(HAN_CHARS, `${JSON.stringify({ font: `${FACE} (Noto Sans CJK, SIL Open Font License 1.1), cut by src/build/han-font.ts`, chars }, null, 2)}\n`);
  console.log(`${HAN_FONT}: ${chars.length} characters, ${woff2.length} bytes`);
}

await main();
