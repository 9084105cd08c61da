import type { StoredQuestionData } from '@/lib/questions/kinds';

/** A quiz question as a learner may see it before submitting: no key, no explanation, no source. */
export interface QuizQuestion {
  id: string;
  /** Ungraded text shown just before the question (a GIFT description, an instructor's lead-in). */
  intro?: string | null;
  prompt: string;
  data: StoredQuestionData;
}
