import { describe, expect, it } from 'vitest';
import { importGift, syntaxReason, MAX_GIFT_CHARS } from './import';

function read(text: string) {
  const result = importGift(text);
  if (!result.ok) throw new Error(`line ${result.line}: ${result.reason}`);
  return result;
}
const only = (text: string) => {
  const { questions, skipped } = read(text);
  expect(skipped).toEqual([]);
  expect(questions).toHaveLength(1);
  return questions[0]!;
};

describe('GIFT import: each kind', () => {
  it('multiple choice with one right answer is single choice; general feedback is the explanation', () => {
    expect(only('Which city? {~Oslo =Portland ~Seattle ####It opened in Portland.}')).toEqual({
      type: 'single_choice',
      prompt: 'Which city?',
      options: ['Oslo', 'Portland', 'Seattle'],
      answer: 1,
      explanation: 'It opened in Portland.',
      source: '',
      line: 1,
    });
  });

  it('weighted multiple choice is multiple select: a positive weight is right', () => {
    const q = only('Pick the costs {~%50%rent ~%-100%revenue ~%50%wages ~%0%profit}');
    expect(q).toMatchObject({ type: 'multiple_choice', options: ['rent', 'revenue', 'wages', 'profit'], answer: [0, 2] });
  });

  it('true/false, either way, and its long form', () => {
    expect(only('The café opened in 2012. {T}')).toMatchObject({ type: 'true_false', answer: true });
    expect(only('The café opened in 2019. {FALSE}')).toMatchObject({ type: 'true_false', answer: false });
  });

  it('short answer is fill-in accepting every = answer', () => {
    expect(only('Who founded it? {=Maya Lindqvist =Lindqvist =M. Lindqvist}')).toMatchObject({
      type: 'fill_blank',
      answer: ['Maya Lindqvist', 'Lindqvist', 'M. Lindqvist'],
    });
  });

  it('numerical: value and tolerance; a range becomes its midpoint with half its width', () => {
    expect(only('Share? {#45:2.5}')).toMatchObject({ type: 'numeric', answer: { value: 45, tolerance: 2.5 } });
    expect(only('Exact? {#-3.25}')).toMatchObject({ type: 'numeric', answer: { value: -3.25, tolerance: 0 } });
    expect(only('Range? {#10..14}')).toMatchObject({ type: 'numeric', answer: { value: 12, tolerance: 2 } });
    expect(only('Long form? {#=7:0.5}')).toMatchObject({ type: 'numeric', answer: { value: 7, tolerance: 0.5 } });
  });

  it('matching keeps its pairs in order', () => {
    expect(only('Match {\n=Lindqvist -> quality\n=Haddad -> margins\n=Northfield -> contract\n}')).toMatchObject({
      type: 'matching',
      pairs: [
        ['Lindqvist', 'quality'],
        ['Haddad', 'margins'],
        ['Northfield', 'contract'],
      ],
    });
  });

  it('essay is an open response with the prompt; model answer and rubric are left for the instructor', () => {
    expect(only('Should they open in Seattle? Argue. {}')).toEqual({
      type: 'open_response',
      prompt: 'Should they open in Seattle? Argue.',
      modelAnswer: '',
      rubric: [],
      explanation: '',
      source: '',
      line: 1,
    });
  });

  it('missing-word questions keep the blank in the prompt', () => {
    expect(only('Harbor Coffee opened in {~Seattle =Portland} in 2012.')).toMatchObject({
      type: 'single_choice',
      prompt: 'Harbor Coffee opened in _____ in 2012.',
      answer: 1,
    });
  });

  it('categories are metadata of the questions after them, titles are kept, escapes are read', () => {
    const { questions } = read(
      '$CATEGORY: Harbor/Lesson 1\n\n::Q\\:1:: a\\{b\\} \\= c \\~ d \\# e \\\\ f {=x\\:y ~z}\n\n$CATEGORY: Harbor/Lesson 2\n\nq2 {T}\n\nm {=a\\: -> b\\}\\\\ =c -> d}',
    );
    expect(questions.map((q) => [q.category, q.title, q.line])).toEqual([
      ['Harbor/Lesson 1', 'Q:1', 3],
      ['Harbor/Lesson 2', undefined, 7],
      ['Harbor/Lesson 2', undefined, 9],
    ]);
    expect(questions[0]).toMatchObject({ prompt: 'a{b} = c ~ d # e \\ f', options: ['x:y', 'z'] });
    expect(questions[2]).toMatchObject({
      pairs: [
        ['a:', 'b}\\'],
        ['c', 'd'],
      ],
    });
  });
});

describe('GIFT import: what is skipped, with its line', () => {
  it('skips every unsupported construct with line and reason and keeps the rest', () => {
    const text = [
      '// a bank with some things Casewise cannot hold',
      'A description, shown between questions.',
      '',
      'Two right, no weights {=a =b ~c}',
      '',
      'No right answer {~a ~b}',
      '',
      `Long answer {=${'x'.repeat(201)}}`,
      '',
      'Seven {=a ~b ~c ~d ~e ~f ~g}',
      '',
      'Same twice {=yes ~Yes}',
      '',
      'Partial numeric {#=5:0 =%50%6:0}',
      '',
      'Every weight right {~%50%a ~%50%b}',
      '',
      'Extra match {=a -> 1 =b -> 2 = -> 3}',
      '',
      'Kept {T}',
    ].join('\n');
    const { questions, skipped } = read(text);
    expect(questions.map((q) => [q.prompt, q.line])).toEqual([['Kept', 20]]);
    expect(skipped.map((s) => s.line)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(skipped.map((s) => s.reason)).toEqual([
      expect.stringContaining('description'),
      expect.stringContaining('exactly one right'),
      expect.stringContaining('exactly one right'),
      expect.stringContaining('accepted answer is over 200'),
      expect.stringContaining('more than 6 answers'),
      expect.stringContaining('say the same thing'),
      expect.stringContaining('several accepted answers'),
      expect.stringContaining('nothing is wrong'),
      expect.stringContaining('extra right-hand'),
    ]);
  });

  it('a question spanning blank-free lines is found at its first line', () => {
    const { questions } = read('\n\n// note\n::T::\nWhat\n{\n=a\n~b\n}\n\n\nNext {F}\n');
    expect(questions.map((q) => q.line)).toEqual([4, 12]);
  });
});

describe('GIFT import: descriptions', () => {
  it('a description is shown before the question after it, with its own line', () => {
    const text = [
      '$CATEGORY: Harbor',
      '',
      '::Context:: The port handled 4 million containers in 2023 and 5 million in 2024.',
      '',
      '::Q1:: By how much did volume grow? {=A quarter ~A tenth ~It halved}',
      '',
      'No description before this one {T}',
    ].join('\n');
    const { questions, skipped } = read(text);
    expect(skipped).toEqual([]);
    expect(questions).toHaveLength(2);
    expect(questions[0]).toMatchObject({
      intro: 'The port handled 4 million containers in 2023 and 5 million in 2024.',
      introLine: 3,
      line: 5,
      prompt: 'By how much did volume grow?',
      category: 'Harbor',
    });
    expect(questions[1]).not.toHaveProperty('intro');
  });

  it('descriptions in a row are one intro in paragraphs', () => {
    const q = only('First paragraph.\n\nSecond \\{braced\\} paragraph.\n\nQ {F}');
    expect(q).toMatchObject({ intro: 'First paragraph.\n\nSecond {braced} paragraph.', introLine: 1 });
  });

  it('a description is skipped, with a reason, when its question is skipped or when no question follows', () => {
    const { questions, skipped } = read('Intro of a bad one.\n\nNo right answer {~a ~b}\n\nKept {T}\n\nTrailing words.\n');
    expect(questions).toHaveLength(1);
    expect(questions[0]).not.toHaveProperty('intro');
    expect(skipped).toEqual([
      { line: 1, reason: 'a description before the question on line 3, which is skipped' },
      { line: 3, reason: expect.stringContaining('exactly one right') },
      { line: 7, reason: 'a description after the last question: there is no question to show it before' },
    ]);
  });

  it('an overlong description is skipped and the question keeps the rest', () => {
    const { questions, skipped } = read(`Short context.\n\n${'word '.repeat(500)}\n\nQ {T}\n`);
    expect(questions[0]).toMatchObject({ intro: 'Short context.' });
    expect(skipped).toEqual([{ line: 3, reason: expect.stringContaining('over 2000 characters') }]);
  });
});

describe('GIFT import: hostile input', () => {
  it('a broken brace gives the first error line and a reason, nothing else', () => {
    const result = importGift('Fine {T}\n\nBroken {=a ~b\n\nAlso fine {F}\n');
    expect(result).toEqual({ ok: false, line: 3, reason: 'a “{” is not closed: GIFT expected “}” before the end of the line' });
  });

  it('says what is wrong in one plain clause, not the parser’s list of everything that could come next', () => {
    expect(importGift('q } x {T}\n')).toEqual({ ok: false, line: 1, reason: 'GIFT expected a “{” with the answers before “}”' });
    const nested = importGift('::t:: {{\n');
    expect(nested).toEqual({ ok: false, line: 1, reason: 'GIFT cannot read “{” here' });
    expect(syntaxReason('something else')).toBe('this is not GIFT');
  });

  it('an unclosed brace at the end reports its line', () => {
    expect(importGift('Fine {T}\n\nq {=a')).toMatchObject({ ok: false, line: 3 });
  });

  it('a control character is refused with its line, whoever sends the text', () => {
    expect(importGift('Fine {T}\n\nBell\u0007 here? {T}\n')).toEqual({
      ok: false,
      line: 3,
      reason: 'an invisible control character is in the text',
    });
    expect(importGift('Tabs\tand\r\nnew lines are fine. {T}\n')).toMatchObject({ ok: true });
  });

  it('binary data and oversize files are refused, not parsed', () => {
    expect(importGift('q {T}\n\n\u0000\u0001')).toEqual({ ok: false, line: 3, reason: 'not a text file' });
    expect(importGift('x'.repeat(MAX_GIFT_CHARS + 1))).toMatchObject({ ok: false, reason: expect.stringContaining('over') });
  });

  it('an unknown escape is kept as written', () => {
    expect(only('What is \\q? {=\\a ~b}')).toMatchObject({ prompt: 'What is \\q?', options: ['\\a', 'b'] });
  });

  it('reads close to 1 MB of GIFT', () => {
    const one = 'How many cafés? {#14:0 ####Fourteen.}\n\n';
    const text = one.repeat(Math.floor((MAX_GIFT_CHARS - 10) / one.length));
    const { questions } = read(text);
    expect(questions.length).toBe(Math.floor((MAX_GIFT_CHARS - 10) / one.length));
    expect(questions.at(-1)!.line).toBe(2 * questions.length - 1);
  });
});
