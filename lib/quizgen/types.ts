export const QUESTION_TYPES = ['single_choice', 'multiple_choice', 'true_false', 'fill_blank', 'numeric', 'ordering', 'matching'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Bloom's level of what a question asks a learner to do. */
export const BLOOM_LEVELS = ['remember', 'understand', 'apply', 'analyze'] as const;
export type BloomLevel = (typeof BLOOM_LEVELS)[number];

/** The kind of thinking a generated question asks for; authored questions have none. */
export type QuestionFamily =
  | 'main_idea'
  | 'case_summary'
  | 'cause_effect'
  | 'purpose'
  | 'decision'
  | 'tradeoff'
  | 'option_table'
  | 'option_effect'
  | 'classification'
  | 'takeaway_evidence'
  | 'timeline'
  | 'sequence'
  | 'figure'
  | 'change'
  | 'trend'
  | 'comparison'
  | 'who_did_what'
  | 'key_term'
  | 'matching';

interface Base {
  prompt: string;
  family?: QuestionFamily;
  level?: BloomLevel;
  explanation: string;
  /** The sentence(s) of the article, verbatim, that justify the key. */
  source: string;
}

/** A question as the generator writes it: answer key included. Never sent to a learner as is. */
export type Question = Base &
  (
    | { type: 'single_choice'; options: string[]; answer: number }
    | { type: 'multiple_choice'; options: string[]; answer: number[] }
    | { type: 'true_false'; answer: boolean }
    | { type: 'fill_blank'; answer: string[] }
    | { type: 'numeric'; answer: { value: number; tolerance: number }; unit?: string }
    | { type: 'ordering'; items: string[] }
    | { type: 'matching'; pairs: [string, string][] }
  );

/** What a learner sees before submitting. */
export type PublicQuestionData =
  | { type: 'single_choice'; options: string[] }
  | { type: 'multiple_choice'; options: string[] }
  | { type: 'true_false' }
  | { type: 'fill_blank' }
  | { type: 'numeric'; unit?: string }
  /** Items in a shuffled order; the learner assigns each a position. */
  | { type: 'ordering'; items: string[] }
  /** Left terms in article order; right choices shuffled. */
  | { type: 'matching'; left: string[]; right: string[] };

/** The secret half, stored apart from the public data. */
export type AnswerKey =
  | { type: 'single_choice'; answer: number }
  | { type: 'multiple_choice'; answer: number[] }
  | { type: 'true_false'; answer: boolean }
  | { type: 'fill_blank'; answer: string[] }
  | { type: 'numeric'; value: number; tolerance: number }
  /** order[i] = index in the shown items of the item that belongs at position i. */
  | { type: 'ordering'; order: number[] }
  /** match[i] = index in `right` of the partner of left[i]. */
  | { type: 'matching'; match: number[] };

/** A learner's answer to one question, as parsed from the submitted form. */
export type Response =
  | { type: 'single_choice'; choice: number }
  | { type: 'multiple_choice'; choices: number[] }
  | { type: 'true_false'; value: boolean }
  | { type: 'fill_blank'; text: string }
  | { type: 'numeric'; value: number }
  | { type: 'ordering'; positions: number[] }
  | { type: 'matching'; choices: number[] };
