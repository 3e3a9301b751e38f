/**
 * Checking a student's answers to a lesson's questions, on the page: nothing is sent anywhere
 * but "correct or not" (see the embed's `campaign-map:answer`).
 */
import type { LessonQuestion, LessonStop } from './lesson.ts';

/** A student's answer: the chosen option's index, or the typed text. */
export type Answer = { kind: 'choice'; option: number } | { kind: 'text'; text: string };

/**
 * Free text compared as a teacher would: ignoring case, width (NFKC), spacing and punctuation,
 * so "Line D." and "line d" match; Hangul and other letters are kept as they are.
 */
export function normalizeAnswer(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase().replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
}

/** True if `answer` is right for `question`. */
export function isCorrect(question: LessonQuestion, answer: Answer): boolean {
  if (question.kind === 'choice') return answer.kind === 'choice' && answer.option === question.correct;
  if (answer.kind !== 'text') return false;
  const given = normalizeAnswer(answer.text);
  return given.length > 0 && question.accepted.some((a) => normalizeAnswer(a) === given);
}

/** How a student did: questions asked, answered, and answered right. */
export interface Score {
  questions: number;
  answered: number;
  correct: number;
}

/** The score over a lesson's stops, from the first answer given at each stop (or none). */
export function scoreOf(stops: readonly LessonStop[], results: readonly (boolean | undefined)[]): Score {
  const asked = stops.map((s, i) => (s.question ? results[i] : null)).filter((r) => r !== null);
  return {
    questions: asked.length,
    answered: asked.filter((r) => r !== undefined).length,
    correct: asked.filter((r) => r === true).length,
  };
}
