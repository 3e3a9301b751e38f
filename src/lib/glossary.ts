/**
 * Words the narrative explains: finding a glossary's terms in a text so the page can give
 * each its pop-up where it first appears (issue 13: readable for a 14-year-old).
 */
import type { Glossary } from './types.ts';

/** A run of text, either plain or one occurrence of a glossary term. */
export interface TextPart {
  text: string;
  /** The glossary term id, when this run is a term explained here. */
  term?: string;
}

/** A glossary compiled once for matching: one pattern and a lookup from form to term id. */
export interface TermMatcher {
  pattern: RegExp;
  byForm: Map<string, string>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Compiles `glossary` for markTerms. Longer forms are tried first ("reconnaissance in force"
 * before any shorter overlap); Latin forms match whole words only, Hangul forms anywhere
 * (Korean particles and unit numbers attach to the word: 제1군단).
 */
export function termMatcher(glossary: Glossary): TermMatcher {
  const byForm = new Map<string, string>();
  for (const [id, t] of Object.entries(glossary.terms)) for (const f of t.forms) byForm.set(f.toLowerCase(), id);
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  const alternatives = forms.map((f) => (/^[\p{Script=Latin}]/u.test(f) ? `(?<![\\p{L}\\p{N}])${escape(f)}(?![\\p{L}\\p{N}])` : escape(f)));
  return { pattern: new RegExp(alternatives.join('|') || '(?!)', 'giu'), byForm };
}

/**
 * Splits `text` into plain runs and the first occurrence of each term not yet in `seen`
 * (which it updates), so a term is explained once per passage, where it first appears.
 */
export function markTerms(text: string, matcher: TermMatcher, seen: Set<string>): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(matcher.pattern)) {
    const id = matcher.byForm.get(m[0].toLowerCase());
    if (!id || seen.has(id)) continue;
    seen.add(id);
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ text: m[0], term: id });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The paragraphs of one passage (a phase's text), each split by markTerms with one shared `seen`. */
export function markPassage(paragraphs: readonly string[], matcher: TermMatcher | undefined): TextPart[][] {
  if (!matcher) return paragraphs.map((text) => [{ text }]);
  const seen = new Set<string>();
  return paragraphs.map((text) => markTerms(text, matcher, seen));
}
