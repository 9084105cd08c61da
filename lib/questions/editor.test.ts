import { describe, expect, it } from 'vitest';
import { readQuestionEditor, toEditorForm, toStoredColumns } from './editor';

const form = (fields: Record<string, string | string[]>) => (name: string) => {
  const v = fields[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

describe('the text before a question (intro)', () => {
  const choice = { prompt: 'Which city?', explanation: 'Portland.', 'option.0': 'Seattle', 'option.1': 'Portland', correct: '1' };

  it('is read with any kind, paragraphs kept and whitespace squashed, and stored in its own column', () => {
    const read = readQuestionEditor('single_choice', form({ ...choice, intro: '  The first  café\r\n opened in 2012.\n \n\nIt grew. ' }));
    if (!read.ok) throw new Error(read.message);
    expect(read.question.intro).toBe('The first café opened in 2012.\n\nIt grew.');
    expect(toStoredColumns(read.question).intro).toBe('The first café opened in 2012.\n\nIt grew.');
    const open = readQuestionEditor(
      'open_response',
      form({ prompt: 'Why?', modelAnswer: 'Demand.', 'criterion.0': 'Names it', 'criterionPoints.0': '2', intro: 'Context.' }),
    );
    expect(open.ok && open.question.intro).toBe('Context.');
  });

  it('is optional: left empty it is stored as none, so an edit that empties it removes it', () => {
    const read = readQuestionEditor('single_choice', form({ ...choice, intro: ' \n ' }));
    if (!read.ok) throw new Error(read.message);
    expect(read.question).not.toHaveProperty('intro');
    expect(toStoredColumns(read.question).intro).toBeNull();
  });

  it('is refused over 2000 characters, with the field named', () => {
    const read = readQuestionEditor('single_choice', form({ ...choice, intro: 'word '.repeat(500) }));
    expect(read).toMatchObject({ ok: false, fieldErrors: { intro: [expect.stringContaining('2000')] } });
  });

  it('comes back into the form from the stored row', () => {
    const columns = toStoredColumns({
      type: 'true_false',
      prompt: 'Small?',
      answer: false,
      explanation: 'No.',
      source: '',
      intro: 'Read this.',
    });
    expect(toEditorForm(columns).intro).toBe('Read this.');
    expect(toEditorForm({ ...columns, intro: null }).intro).toBe('');
  });
});

describe('the question editor over every kind', () => {
  it('reads an open-response question: prompt, model answer and rubric rows, skipping empty rows', () => {
    const read = readQuestionEditor(
      'open_response',
      form({
        prompt: ' Why did  they expand? ',
        modelAnswer: 'Because demand grew.',
        'criterion.0': 'Names the demand',
        'criterionPoints.0': '3',
        'criterion.2': 'Uses a figure',
        'criterionPoints.2': '2',
      }),
    );
    expect(read).toEqual({
      ok: true,
      warning: null,
      question: {
        type: 'open_response',
        prompt: 'Why did they expand?',
        explanation: '',
        source: '',
        modelAnswer: 'Because demand grew.',
        rubric: [
          { label: 'Names the demand', points: 3 },
          { label: 'Uses a figure', points: 2 },
        ],
      },
    });
  });

  it('reports every problem of an open-response question at once, by field', () => {
    const read = readQuestionEditor(
      'open_response',
      form({ prompt: '', 'criterion.0': 'No points', 'criterionPoints.1': '5', 'criterion.2': 'Too many', 'criterionPoints.2': '21' }),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(Object.keys(read.fieldErrors).sort()).toEqual(['modelAnswer', 'prompt', 'rubric']);
    expect(read.fieldErrors.rubric).toHaveLength(3);
    expect(read.message).toMatch(/5 problems/);
  });

  it('needs at least one criterion', () => {
    const read = readQuestionEditor('open_response', form({ prompt: 'Why?', modelAnswer: 'Because.' }));
    expect(read.ok === false && read.fieldErrors).toEqual({ rubric: ['Give the rubric at least one criterion with its points.'] });
  });

  it('reports the common fields and the kind’s own problem of a closed question together', () => {
    const read = readQuestionEditor('single_choice', form({ prompt: '', explanation: '', 'option.0': 'Only one' }));
    expect(read.ok === false && read.fieldErrors).toEqual({
      prompt: ['The question cannot be empty.'],
      explanation: ['The explanation cannot be empty.'],
      options: ['Give at least two options.'],
    });
  });

  it('still reads a valid closed question as the generator’s editor does', () => {
    const read = readQuestionEditor('true_false', form({ prompt: 'The company grew.', explanation: 'It did.', truth: 'true' }));
    expect(read).toMatchObject({ ok: true, question: { type: 'true_false', answer: true } });
  });

  it('refuses an unknown kind', () => {
    expect(readQuestionEditor('essay', form({ prompt: 'x', explanation: 'y' }))).toMatchObject({
      ok: false,
      fieldErrors: { type: ['Choose a question type.'] },
    });
  });

  it('stores the rubric and model answer in the key only, and reads them back into the form', () => {
    const stored = toStoredColumns({
      type: 'open_response',
      prompt: 'Why?',
      modelAnswer: 'Because.',
      rubric: [{ label: 'Reason', points: 2 }],
      explanation: '',
      source: '',
    });
    expect(stored.data).toEqual({ type: 'open_response' });
    expect(stored.answerKey).toEqual({ type: 'open_response', modelAnswer: 'Because.', rubric: [{ label: 'Reason', points: 2 }] });
    expect(toEditorForm(stored)).toMatchObject({
      type: 'open_response',
      modelAnswer: 'Because.',
      rubric: [{ label: 'Reason', points: '2' }],
    });
  });
});
