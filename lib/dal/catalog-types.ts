import type { StoredQuestionData } from '@/lib/questions/kinds';

/** A quiz question as a learner may see it before submitting: no key, no explanation, no source. */
export interface QuizQuestion {
  id: string;
  prompt: string;
  data: StoredQuestionData;
}
