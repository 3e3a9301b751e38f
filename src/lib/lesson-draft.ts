/**
 * The lesson builder's working copy: a `Lesson` whose fields may still be incomplete while the
 * teacher types. `lessonOfDraft` turns it into the lesson that is checked, linked and saved.
 */
import { LESSON_VERSION, type Lesson, type LessonQuestion, type LessonStop } from './lesson.ts';
import { isoOf, parseIsoDate } from './dates.ts';
import type { Lang } from './types.ts';

/** A new lesson over the pack's range with one empty stop on its first day. */
export function newDraft(start: string, end: string, lang: Lang): Lesson {
  return {
    version: LESSON_VERSION, title: '', start, end, lang, autoplay: false, speed: 'normal', narrative: 'closed', controls: true,
    stops: [{ date: start, caption: '' }],
  };
}

/** An empty question of a kind. */
export function newQuestion(kind: LessonQuestion['kind']): LessonQuestion {
  return kind === 'choice'
    ? { kind, prompt: '', options: ['', ''], correct: 0, explanation: '' }
    : { kind, prompt: '', accepted: [''], explanation: '' };
}

/** A stop to add: the day after the last stop, within the lesson's range. */
export function nextStop(draft: Lesson): LessonStop {
  const last = parseIsoDate(draft.stops.at(-1)?.date) ?? (parseIsoDate(draft.start) ?? 0) - 1;
  const end = parseIsoDate(draft.end) ?? last + 1;
  return { date: isoOf(Math.min(last + 1, end)), caption: '' };
}

/** The draft as a lesson: blank lines among accepted answers are not answers. */
export function lessonOfDraft(draft: Lesson): Lesson {
  return {
    ...draft,
    stops: draft.stops.map((s) => {
      const q = s.question;
      if (!q) return { date: s.date, caption: s.caption };
      return { date: s.date, caption: s.caption, question: q.kind === 'text' ? { ...q, accepted: q.accepted.filter((a) => a.trim()) } : { ...q, options: [...q.options] } };
    }),
  };
}

/** The draft's stops in date order (the builder offers this when they are not). */
export function sortedStops(stops: readonly LessonStop[]): LessonStop[] {
  return [...stops].sort((a, b) => a.date.localeCompare(b.date));
}

/** A file name for a saved lesson: its title in letters, digits and dashes. */
export function lessonFileName(title: string): string {
  const slug = title.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${slug || 'lesson'}.lesson.json`;
}
