/**
 * Readable names for source keys: "Mossman, Ebb and Flow, ch. 11" instead of "EF11", so a
 * citation is not read out letter by letter (issue 12 #6). Pure; the catalogue gives the
 * words ("ch." / "장").
 */
import type { Lang, Source, SourceIndex } from './types.ts';
import { t } from './i18n.ts';

/** A person's name as the sources write it: given name or initial, initials, surname. */
const PERSON = /^(?:[A-Z][a-z]+|[A-Z]\.)(?: [A-Z]\.)* ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)$/;
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Arabic value of a Roman numeral (I–CCC), or undefined if `s` is not one. */
export function fromRoman(s: string): number | undefined {
  if (!/^[IVXLC]+$/.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]];
    total += i + 1 < s.length && ROMAN[s[i + 1]] > v ? -v : v;
  }
  return total;
}

/** The author part of a citation: a person's surname ("et al." for several), else the body's name. */
export function shortAuthor(author: string): string | undefined {
  const plain = author.replace(/\s*\(.*?\)\s*/g, ' ').trim();
  if (!plain || /^unknown\b/i.test(plain)) return undefined;
  const people = plain.split(/,\s*|\s+and\s+/);
  const first = PERSON.exec(people[0]);
  if (first) return people.length > 1 ? `${first[1]} et al.` : first[1];
  return plain.replace(/\s+contributors$/i, '').split(/,\s*/)[0];
}

/**
 * The title up to its subtitle or date range ("Ebb and Flow, November 1950 – July 1951" → "Ebb
 * and Flow"): cut at the first ", " or ": " outside brackets, so a bracket is never left open.
 */
export function shortTitle(title: string): string {
  let depth = 0;
  for (let i = 0; i < title.length; i++) {
    const c = title[i];
    if ('([『「'.includes(c)) depth++;
    else if (')]』」'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ',' || c === ':') && /\s/.test(title[i + 1] ?? '')) return title.slice(0, i).trim() || title;
  }
  return title.trim() || title;
}

/** "ch. 11" from "XI. Withdrawal to Line D" or "9"; page ranges and documents as written. */
export function shortChapter(lang: Lang, chapter: string | undefined): string | undefined {
  if (!chapter) return undefined;
  const roman = /^([IVXLC]+)\.\s/.exec(chapter);
  const n = roman ? fromRoman(roman[1]) : /^\d+$/.test(chapter) ? Number(chapter) : undefined;
  if (n !== undefined) return t(lang, 'cite.chapter', { n });
  if (/^(pp?\.|Document)\s/.test(chapter)) return chapter.split(':')[0];
  return undefined;
}

/** A source's readable short name; the key itself when the source is unknown. */
export function citeLabel(lang: Lang, key: string, sources: SourceIndex): string {
  const s: Source | undefined = sources[key];
  if (!s) return key;
  return [shortAuthor(s.author), shortTitle(s.title), shortChapter(lang, s.chapter)].filter(Boolean).join(', ');
}

/** The id of a source's entry in the page's list of sources, for links to it. */
export function sourceAnchor(key: string): string {
  return `source-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
