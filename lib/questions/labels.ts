import { QUESTION_TYPE_LABELS } from '@/lib/quizgen/labels';
import { OPEN_RESPONSE, type StoredQuestionType } from './kinds';

/** How every kind of question is named to people, the written kind included. Safe for client components. */
export const KIND_LABELS: Record<StoredQuestionType, string> = { ...QUESTION_TYPE_LABELS, [OPEN_RESPONSE]: 'Open response' };
