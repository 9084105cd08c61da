import { questions } from '@/db/schema';

/** A question as its author reviews and edits it: the key, explanation and source included. */
export const questionForInstructor = {
  id: questions.id,
  type: questions.type,
  intro: questions.intro,
  prompt: questions.prompt,
  data: questions.data,
  answerKey: questions.answerKey,
  explanation: questions.explanation,
  source: questions.source,
  enabled: questions.enabled,
};
