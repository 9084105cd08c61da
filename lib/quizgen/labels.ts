import type { QuestionType } from './types';

/** How each kind of question is named to people. Safe to import from client components. */
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single_choice: 'Single choice',
  multiple_choice: 'Multiple select',
  true_false: 'True or false',
  fill_blank: 'Fill in the blank',
  numeric: 'Number',
  ordering: 'Put in order',
  matching: 'Matching',
};
