import type { AnswerKey, PublicQuestionData, QuestionType, Response } from '@/lib/quizgen/types';

/**
 * Every kind of question Casewise stores: the generator's closed kinds (lib/quizgen/types.ts) and
 * the instructor-only "open response", a written answer graded by a person against a rubric.
 * Safe to import from client components (types and constants only).
 */

export const OPEN_RESPONSE = 'open_response' as const;
export type StoredQuestionType = QuestionType | typeof OPEN_RESPONSE;

/** Longest written answer a learner may give (characters); the box stops there and the server checks it. */
export const MAX_WRITTEN_ANSWER = 5000;
/** At most this many rubric criteria, each worth 1 to MAX_CRITERION_POINTS whole points. */
export const MAX_CRITERIA = 6;
export const MAX_CRITERION_POINTS = 20;

/** Most questions a lesson keeps (disabled ones included): a quiz draws 10, a bank may hold more. */
export const MAX_LESSON_QUESTIONS = 100;

export interface RubricCriterion {
  label: string;
  points: number;
}

/** What a learner sees of an open-response question before grading: the prompt (in its own column) and nothing else. */
export type OpenResponseData = { type: typeof OPEN_RESPONSE };
/** The instructor's half: a model answer and the rubric with its points. */
export type OpenResponseKey = { type: typeof OPEN_RESPONSE; modelAnswer: string; rubric: RubricCriterion[] };
export type WrittenResponse = { type: typeof OPEN_RESPONSE; text: string };

export type StoredQuestionData = PublicQuestionData | OpenResponseData;
export type StoredAnswerKey = AnswerKey | OpenResponseKey;
export type StoredResponse = Response | WrittenResponse;

export function rubricTotal(rubric: readonly RubricCriterion[]): number {
  return rubric.reduce((sum, c) => sum + c.points, 0);
}
