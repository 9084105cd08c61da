import { z } from 'zod';
import { emptyForm, questionFromForm, questionToForm, type QuestionFormValues } from '@/lib/quizgen/edit';
import { toStoredQuestion } from '@/lib/quizgen/stored';
import type { Question } from '@/lib/quizgen/types';
import {
  MAX_CRITERIA,
  MAX_CRITERION_POINTS,
  OPEN_RESPONSE,
  type RubricCriterion,
  type StoredAnswerKey,
  type StoredQuestionData,
  type StoredQuestionType,
} from './kinds';

/**
 * The question editor over every stored kind: the generator's closed kinds go through
 * lib/quizgen/edit (the generator's own rules), an open-response question is read here. Every
 * problem of a submitted form is reported at once, each with the field it belongs to.
 */

export interface EditorValues extends Omit<QuestionFormValues, 'type'> {
  type: StoredQuestionType;
  intro: string;
  modelAnswer: string;
  rubric: { label: string; points: string }[];
}

/** An instructor's written-answer question, before it is split into public data and key. */
export interface OpenQuestion {
  type: typeof OPEN_RESPONSE;
  prompt: string;
  modelAnswer: string;
  rubric: RubricCriterion[];
  explanation: string;
  source: string;
}
/**
 * Any stored kind, with an optional intro: text shown just before the question, ungraded (a GIFT
 * description, or the instructor's own lead-in to a question). It travels with its question, so a
 * quiz that draws some of a lesson's questions never shows an intro without what it introduces.
 */
export type EditableQuestion = (Question | OpenQuestion) & { intro?: string };
/** Longest intro (characters). */
export const MAX_INTRO = 2000;

export function emptyEditorForm(type: StoredQuestionType): EditorValues {
  return { ...emptyForm(type === OPEN_RESPONSE ? 'single_choice' : type), type, intro: '', modelAnswer: '', rubric: [] };
}

/** A stored question as the editor's values. */
export function toEditorForm(q: {
  intro?: string | null;
  prompt: string;
  explanation: string;
  source: string;
  data: StoredQuestionData;
  answerKey: StoredAnswerKey;
}): EditorValues {
  const { data, answerKey } = q;
  if (answerKey.type === OPEN_RESPONSE || data.type === OPEN_RESPONSE) {
    const key = answerKey.type === OPEN_RESPONSE ? answerKey : { modelAnswer: '', rubric: [] };
    return {
      ...emptyEditorForm(OPEN_RESPONSE),
      intro: q.intro ?? '',
      prompt: q.prompt,
      explanation: q.explanation,
      source: q.source,
      modelAnswer: key.modelAnswer,
      rubric: key.rubric.map((c) => ({ label: c.label, points: String(c.points) })),
    };
  }
  return { ...questionToForm({ ...q, data, answerKey }), intro: q.intro ?? '', modelAnswer: '', rubric: [] };
}

/** The columns a question is stored with (the fingerprint aside): public data and key apart. */
export function toStoredColumns({ intro, ...q }: EditableQuestion) {
  // Always written, so an edit that empties the intro removes it.
  const lead = { intro: intro?.trim() ? intro.trim() : null };
  if (q.type === OPEN_RESPONSE) {
    const { modelAnswer, rubric, ...rest } = q;
    return {
      ...rest,
      ...lead,
      data: { type: OPEN_RESPONSE } as StoredQuestionData,
      answerKey: { type: OPEN_RESPONSE, modelAnswer, rubric } as StoredAnswerKey,
    };
  }
  const { fingerprint: _generated, ...stored } = toStoredQuestion(q);
  return { ...stored, ...lead };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const text = (label: string, max: number) =>
  z
    .string()
    .transform(squash)
    .pipe(z.string().min(1, `${label} cannot be empty.`).max(max, `${label} must be under ${max} characters.`));

type EditorRead =
  { ok: true; question: EditableQuestion; warning: string | null } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

const STANDIN = { prompt: 'A question that is fine', explanation: 'An explanation that is fine', source: '' };

/** Reads the editor's fields (getAll as FormData.getAll), reporting every problem at once. */
export function readQuestionEditor(typeInput: string, getAll: (name: string) => string[]): EditorRead {
  const one = (name: string) => (getAll(name)[0] ?? '').slice(0, 5000);
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const open = typeInput === OPEN_RESPONSE;
  const common = z.object({
    prompt: text('The question', 1000),
    explanation: open
      ? z.string().transform(squash).pipe(z.string().max(2000, 'The explanation must be under 2000 characters.'))
      : text('The explanation', 2000),
    source: z.string().transform(squash).pipe(z.string().max(2000, 'The source must be under 2000 characters.')),
  });
  const parsed = common.safeParse({ prompt: one('prompt'), explanation: one('explanation'), source: one('source') });
  if (!parsed.success) for (const issue of parsed.error.issues) add(String(issue.path[0] ?? 'prompt'), issue.message);
  // Paragraphs kept (a blank line between them), whitespace squashed inside each.
  const intro = one('intro')
    .split(/\n\s*\n/)
    .map(squash)
    .filter(Boolean)
    .join('\n\n');
  if (intro.length > MAX_INTRO) add('intro', `The text before the question must be under ${MAX_INTRO} characters.`);
  const lead = intro ? { intro } : {};

  let result: EditorRead | null = null;
  if (open) {
    const modelAnswer = one('modelAnswer').trim();
    if (!modelAnswer) add('modelAnswer', 'Write a model answer: it guides your grading and learners see it once graded.');
    else if (modelAnswer.length > 3000) add('modelAnswer', 'Keep the model answer under 3000 characters.');
    const rubric: RubricCriterion[] = [];
    for (let i = 0; i < MAX_CRITERIA; i++) {
      const label = squash(one(`criterion.${i}`));
      const rawPoints = one(`criterionPoints.${i}`).trim();
      if (!label && !rawPoints) continue;
      const points = /^\d{1,3}$/.test(rawPoints) ? Number(rawPoints) : NaN;
      if (!label) add('rubric', `Criterion ${i + 1} has points but no description.`);
      else if (label.length > 200) add('rubric', `Keep criterion ${i + 1} under 200 characters.`);
      if (!(points >= 1 && points <= MAX_CRITERION_POINTS))
        add('rubric', `Criterion ${i + 1} needs a whole number of points from 1 to ${MAX_CRITERION_POINTS}.`);
      rubric.push({ label, points });
    }
    if (!rubric.length) add('rubric', 'Give the rubric at least one criterion with its points.');
    if (parsed.success && !Object.keys(errors).length)
      result = { ok: true, question: { type: OPEN_RESPONSE, ...parsed.data, modelAnswer, rubric, ...lead }, warning: null };
  } else {
    // The generator's reader stops at its first problem; with stand-ins for the fields already
    // judged above it still reports what is wrong with the kind's own fields.
    const fields = (name: string) => (name in STANDIN && errors[name] ? [STANDIN[name as keyof typeof STANDIN]] : getAll(name));
    const read = questionFromForm(typeInput, fields);
    if (!read.ok) add(read.field, read.message);
    else if (!Object.keys(errors).length) result = { ...read, question: { ...read.question, ...lead } };
  }
  if (result) return result;
  const problems = Object.values(errors).flat();
  return {
    ok: false,
    message: problems.length === 1 ? problems[0]! : `This question has ${problems.length} problems: ${problems.join(' ')}`,
    fieldErrors: errors,
  };
}
