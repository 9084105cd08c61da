import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { whyStem } from './families-understand';
import { generateQuizzes } from './generate';

const questionsOf = (text: string) => {
  const parsed = parseCaseStudy(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return generateQuizzes(parsed.caseStudy).lessons.flatMap((l) => l.questions);
};

describe('a move told as a clause is asked as "why did …?"', () => {
  it('puts one plain past-tense verb in its base form after "did", with the subject named and a fronted time moved to the end', () => {
    expect(whyStem('Tasman Mutual closed 18 branches between 2020 and 2022')).toBe(
      'According to the article, why did Tasman Mutual close 18 branches between 2020 and 2022?',
    );
    expect(whyStem('The company raised its price to $9.99')).toBe(
      'According to the article, why did the company raise its price to $9.99?',
    );
    expect(whyStem('In early 2021 the board sold the Leeds warehouse')).toBe(
      'According to the article, why did the board sell the Leeds warehouse in early 2021?',
    );
  });

  it('asks nothing of a verb whose object is told what to do, a pronoun subject, a passive, two verbs or a clause left open', () => {
    // "asked her team to evaluate three options": what follows is the team's task, not the aim of asking.
    expect(whyStem('Okafor asked her leadership team')).toBeNull();
    expect(whyStem('The dispute forced management')).toBeNull();
    expect(whyStem('They closed 18 branches')).toBeNull();
    expect(whyStem('Forty-six engineers were retrained')).toBeNull();
    expect(whyStem('Brightwater borrowed $60 million and bought out two family branches')).toBeNull();
    expect(whyStem('The team debated whether')).toBeNull();
    // "a costly race to raise wages": the infinitive completes the noun; "harder to target" the adjective.
    expect(whyStem('Jimenez rejected a costly race')).toBeNull();
    expect(whyStem('Privacy changes on mobile platforms made social media ads harder')).toBeNull();
    expect(whyStem('The sale paid off the loan in full and left ₱130 million')).toBeNull();
    // A phrasal verb keeps its particle once.
    expect(whyStem('The owners paid off the bank loan')).toBe('According to the article, why did the owners pay off the bank loan?');
  });

  it('asks why the move was made, keyed on its aim, with the aims of other moves as wrong answers', () => {
    const text = [
      '# Kestrel Foods: Winning Back the Schools',
      '',
      '## Background',
      '',
      'Kestrel Foods cooks lunches for 140 schools in Yorkshire from two kitchens near Leeds. It lost six contracts in 2021 after a hygiene inspection found dirty freezers, and its managers had a year to win the schools back before the next tender.',
      '',
      '## What the Managers Did',
      '',
      'The finance director renegotiated the energy contract to lower the bill for the freezers. The plant managers rewrote the cleaning rotas to pass the next inspection. The sales director visited every school buyer to win back the lost contracts.',
      '',
      '## Results',
      '',
      'Kestrel regained four of the six contracts in 2023. The schools that stayed away said they had signed longer deals with a rival caterer in the meantime.',
    ].join('\n');
    const why = questionsOf(text).filter((q) => q.family === 'purpose');
    expect(why.length).toBeGreaterThanOrEqual(1);
    for (const q of why) {
      if (q.type !== 'single_choice') throw new Error('expected a single choice');
      expect(q.prompt).toMatch(
        /^According to the article, why did the (?:finance director renegotiate|plant managers rewrite|sales director visit) /,
      );
      const aims = ['To lower the bill for the freezers', 'To pass the next inspection', 'To win back the lost contracts'];
      expect(aims).toContain(q.options[q.answer]);
      // The key is the aim the sentence gives this move.
      const move = /why did the (\w+ \w+)/.exec(q.prompt)![1]!;
      const expected = { 'finance director': aims[0], 'plant managers': aims[1], 'sales director': aims[2] }[move];
      expect(q.options[q.answer]).toBe(expected);
    }
  });
});

describe('a true/false on a causal link', () => {
  it('never makes a clause the subject of a consequence ("the summit sits at 2,900 feet … raised interest costs", blind review v14)', () => {
    const text = [
      '# Harbour Lifts: Rebuilding a Small Ski Hill',
      '',
      '## Background',
      '',
      'Harbour Lifts runs a small ski hill in Vermont. The summit sits at 2,900 feet and the base at 1,350, giving 1,550 feet of vertical across 240 acres. The hill had sold season passes to local families for forty years.',
      '',
      '## The Problem',
      '',
      'Warm winters shortened the season. The loss of the January holiday weeks forced the owners to borrow from the bank. The new loan raised interest costs for the whole company.',
      '',
      '## The Decision',
      '',
      'The owners decided to build a mountain-bike park. The bike park attracted summer visitors from Boston. Its opening doubled summer revenue within two years.',
      '',
      '## Results',
      '',
      'Snowmaking on the lower trails protected the holiday weeks. The upgrade lengthened the season by three weeks.',
    ].join('\n');
    const links = questionsOf(text).filter((q) => q.type === 'true_false');
    for (const q of links) expect(q.prompt).not.toMatch(/summit sits/);
  });
});
