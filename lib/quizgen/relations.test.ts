import { describe, expect, it } from 'vitest';
import { consequencesIn, purposesIn, reasonsIn } from './relations';
import { sentenceFeatures, stripLeadIn } from './sentence-features';

describe('consequencesIn', () => {
  it('reads a participle of cause: the clause before it is the cause, the rest the effect', () => {
    expect(consequencesIn('The long strike emptied the depots, forcing Kestrel Rail to hire trucks.')).toEqual([
      {
        cause: 'The long strike emptied the depots',
        effect: 'It forced Kestrel Rail to hire trucks',
        sentence: 'The long strike emptied the depots, forcing Kestrel Rail to hire trucks.',
      },
    ]);
  });

  it('reads a causal verb and turns a demonstrative cause into a definite one', () => {
    const [c] = consequencesIn('But here’s the twist: this crackdown forced the firm to innovate rather than rest.');
    expect(c).toMatchObject({ cause: 'the crackdown', effect: 'It forced the firm to innovate rather than rest' });
  });

  it('takes ", which …" as a consequence only after a noun phrase, never after a clause whose last noun it may describe', () => {
    expect(consequencesIn('Bans on new mergers and investments, which rattled investors across the region.')).toHaveLength(1);
    expect(
      consequencesIn('Among the boldest entrants was Uplift, a neobank founded by a banker, which offered fee-free accounts.'),
    ).toHaveLength(0);
  });

  it('refuses a pronoun as a cause: out of its paragraph it means nothing', () => {
    expect(consequencesIn('They raised prices, leading to a sharp fall in sales volume.')).toHaveLength(0);
  });
});

describe('purposesIn and reasonsIn', () => {
  it('reads the aim of a gerund phrase and of an action in the past tense', () => {
    expect(purposesIn('Developing custom chips to reduce reliance on foreign suppliers.')).toMatchObject([
      { action: 'Developing custom chips', aim: 'To reduce reliance on foreign suppliers' },
    ]);
    expect(purposesIn('Kestrel Rail invested in electric locomotives to cut its fuel bill.')).toMatchObject([
      { action: 'Kestrel Rail invested in electric locomotives', aim: 'To cut its fuel bill' },
    ]);
  });

  it('reads an aim put before its move ("To cut costs, the company closed two plants"), but not a plan with "would"', () => {
    expect(purposesIn('Second, to avoid alarming its largest customers, Vidal limited the brand to a quarter of capacity.')).toEqual([
      {
        action: 'Vidal limited the brand to a quarter of capacity',
        aim: 'To avoid alarming its largest customers',
        sentence: 'Second, to avoid alarming its largest customers, Vidal limited the brand to a quarter of capacity.',
      },
    ]);
    expect(purposesIn('To avoid alarming its customers, Vidal would limit the brand to a quarter of capacity.')).toEqual([]);
  });

  it('does not take a verb that wants an infinitive for a purpose ("decided it was time to …")', () => {
    expect(purposesIn('Beijing decided it was time to step in when the founder spoke out.')).toHaveLength(0);
  });

  it('reads "because", "so" and "As a result" (with the sentence before), keeping the words as written', () => {
    expect(reasonsIn('Maintenance costs fell because Erik Dahl found a cheaper supplier.', null)).toMatchObject([
      { outcome: 'Maintenance costs fell', reason: 'Because Erik Dahl found a cheaper supplier' },
    ]);
    expect(reasonsIn('Demand collapsed, so the plant closed its second line.', null)).toMatchObject([
      // Lower-casing is left to the question, which knows the article's own usage (a name stays).
      { outcome: 'the plant closed its second line', reason: 'Because Demand collapsed' },
    ]);
    expect(
      reasonsIn("Utilisation fell to 80%, and because the factory's costs were fixed, profit fell to €2.1 million.", null),
    ).toMatchObject([{ outcome: 'profit fell to €2.1 million', reason: "Because the factory's costs were fixed" }]);
    expect(reasonsIn('As a result, the board cut the dividend.', 'Profits fell by half in 2020.')).toMatchObject([
      { outcome: 'the board cut the dividend', reason: 'Because Profits fell by half in 2020' },
    ]);
  });
});

describe('sentenceFeatures', () => {
  it('tells claims from questions, advice, asides, similes, hedges and forecasts by their shape', () => {
    expect(sentenceFeatures('Ever wondered how it happened?').question).toBe(true);
    expect(sentenceFeatures('Invest in education to stay ahead.').imperative).toBe(true);
    expect(sentenceFeatures('If you run a business, this is a reminder.').personal).toBe(true);
    expect(sentenceFeatures('It’s like watching a boxer dodge punches.').figurative).toBe(true);
    expect(sentenceFeatures('Sales rose by up to 20% in some cases.').hedged).toBe(true);
    expect(sentenceFeatures('By 2026, experts predict they will lead the market.').forecast).toBe(true);
    const claim = sentenceFeatures('Kestrel Rail paid a fine of $3.5 million to the port authority.');
    expect(Object.values({ ...claim, words: false }).some(Boolean)).toBe(false);
  });

  it('strips a short lead-in and keeps the rest verbatim', () => {
    expect(stripLeadIn('In numbers, the firm invested $10 billion.')).toBe('the firm invested $10 billion.');
    expect(stripLeadIn('But here’s the twist: the crackdown forced change.')).toBe('the crackdown forced change.');
    expect(stripLeadIn('Kestrel Rail, the freight operator, grew.')).toBe('Kestrel Rail, the freight operator, grew.');
  });
});
