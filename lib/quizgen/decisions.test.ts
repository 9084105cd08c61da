import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { alternativesIn, optionText } from './families-decisions';
import { generateQuizzes } from './generate';
import type { Question } from './types';

describe('alternativesIn: a choice reported with the alternative turned down', () => {
  it('swaps two bare-verb courses after "to", and two gerund courses after a preposition', () => {
    expect(alternativesIn('The board chose to cut prices rather than lose market share.')).toMatchObject({
      chosen: 'cut prices',
      rejected: 'lose market share',
      swapped: 'The board chose to lose market share rather than cut prices.',
    });
    expect(alternativesIn('Osei responded by restructuring the program rather than abandoning the new system.')?.swapped).toBe(
      'Osei responded by abandoning the new system rather than restructuring the program.',
    );
    // The comma before "rather than" and what follows the clause stay where they were.
    expect(
      alternativesIn('Lena Ruud decided to settle the claim, at a cost of €14 million, rather than fight a public dispute.')?.swapped,
    ).toBe('Lena Ruud decided to fight a public dispute, rather than settle the claim, at a cost of €14 million.');
  });

  it('leaves alone what would not read right swapped: noun phrases, pronouns pointing forward, quotes, mixed forms', () => {
    expect(alternativesIn('The company treated it as a risk to be managed rather than a project to be finished.')).toBeNull();
    expect(alternativesIn('Magnussen decided to keep the copper lines running rather than close them.')).toBeNull();
    expect(alternativesIn('The firm kept instructors on 60% of their pay instead of laying off staff.')).toBeNull();
    expect(alternativesIn('She said the firm had "treated monitoring as paperwork rather than process control."')).toBeNull();
    // "pricing" is a noun here, not the start of a course.
    expect(alternativesIn('Build pricing strategy around loyal customers rather than waiting for the market to move.')).toBeNull();
  });

  it('swaps no course that is a noun of another phrase or that holds the sentence’s own verb (blind reviews v18c, a49 and b50)', () => {
    // "price" is set against "utilisation", not against "come from utilisation".
    expect(
      alternativesIn('The price premium began to disappear, and the gains had to come from utilisation rather than price.'),
    ).toBeNull();
    // A gerund that opens the sentence is its subject: "let the firm grow" is the main clause, no course.
    expect(
      alternativesIn(
        'Subcontracting the metal framing let the firm grow in its own specialism instead of turning into a general contractor.',
      ),
    ).toBeNull();
    expect(alternativesIn('Restructuring the programme rather than abandoning the system saved the firm two years.')).toBeNull();
  });
});

describe('decision questions', () => {
  const text = [
    '# Orla Buses',
    '',
    '## The price war',
    '',
    'Orla Buses ran 40 coaches between three towns and employed 120 drivers. When Drava Coaches entered the market in 2018, the board chose to add evening routes rather than cut fares. Drava offered free wifi on every route and sold tickets through an app.',
    '',
    '## The recovery',
    '',
    'By 2021 evening routes carried a fifth of all passengers. Orla sold its old depot in 2021 and moved its workshop to a rented site near the motorway. Drivers stayed with the company after the union agreed a profit-sharing scheme.',
  ].join('\n');
  const parsed = parseCaseStudy(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const decisions = generateQuizzes(parsed.caseStudy)
    .lessons.flatMap((l) => l.questions)
    .filter((q) => q.family === 'decision');

  it('states the choice true as written, or false with the two courses swapped, at "understand"', () => {
    expect(decisions).toHaveLength(1);
    const q = decisions[0]!;
    if (q.type !== 'true_false') throw new Error(q.type);
    expect(q.level).toBe('understand');
    const asWritten = /add evening routes rather than cut fares/.test(q.prompt);
    expect(asWritten || /cut fares rather than add evening routes/.test(q.prompt)).toBe(true);
    expect(q.answer).toBe(asWritten);
    expect(q.source).toContain('rather than cut fares');
  });
});

describe('which of the options the case laid out was chosen', () => {
  const article = (options: string, choice: string) =>
    [
      '# Orlen Bikes',
      '',
      '## Background',
      '',
      'Orlen Bikes builds city bicycles in Ghent and sold 41,000 of them in 2019. Its frames came from a single supplier in Taiwan, and freight costs doubled in 2021.',
      '',
      '## The Options',
      '',
      `Chief executive Marie Claes asked her team for options in March 2022. ${options}`,
      '',
      '## The Decision',
      '',
      `${choice} Claes told staff the same week, and the dealers heard it from her.`,
    ].join('\n');
  const choices = (text: string) => {
    const parsed = parseCaseStudy(text);
    if (!parsed.ok) throw new Error(parsed.error);
    return generateQuizzes(parsed.caseStudy).lessons.flatMap((l) =>
      l.questions.filter((q) => /options\. Which one|Which of these options did/.test(q.prompt)),
    );
  };
  const three =
    'The first option was to move frame welding to the Ghent plant, which would take two years. The second was to buy frames from a second supplier in Portugal. The third was to sell the company to a larger Dutch group.';

  it('names a labelled option by what stands between its commas ("Option A, retrench, would close …", blind review v16, a34)', () => {
    const labelled =
      'Option A, retrench, would close one welding line and cut 24 jobs. Option B, second source, would buy frames from a supplier in Portugal. Option C, sell, rested on an offer from a larger Dutch group.';
    const [q] = choices(article(labelled, 'In June 2022 the board chose option B.'));
    if (q?.type !== 'single_choice') throw new Error('expected a single choice');
    expect([...q.options].sort()).toEqual(['Retrench', 'Second source', 'Sell'].sort());
    expect(q.options[q.answer]).toBe('Second source');
  });

  it('offers the options as first labelled, not their figures labelled again to weigh them (blind review v19b, b63)', () => {
    const labelled =
      'Option A: Weld frames in Ghent. Sponsor: the production director.\n\nOption B: Add a second supplier. Sponsor: the buyer.\n\nOption C: Sell the company. Sponsor: two shareholders.\n\nThe finance team then costed each of them:\n\n- Option A: upfront cost €660k and two years of work.\n- Option B: upfront cost €90k, with frames shipped within months.\n- Option C: an offer of about €14 million for the shares.';
    const [q] = choices(article(labelled, 'In June 2022 the board chose Option B, with the bank’s support.'));
    if (q?.type !== 'single_choice') throw new Error('expected a single choice');
    expect([...q.options].sort()).toEqual(['Add a second supplier', 'Sell the company', 'Weld frames in Ghent']);
    expect(q.options[q.answer]).toBe('Add a second supplier');
  });

  it('names an option without who argued for it ("Sell the company (favoured by two shareholders)", blind review v19d, a65)', () => {
    const labelled =
      'Option A: Weld frames in Ghent (argued by the production director).\n\nOption B: Add a second supplier (sponsor: the buyer, Ana Ruiz).\n\nOption C: Sell the company (favoured by two shareholders).';
    const [q] = choices(article(labelled, 'In June 2022 the board chose Option A.'));
    if (q?.type !== 'single_choice') throw new Error('expected a single choice');
    expect([...q.options].sort()).toEqual(['Add a second supplier', 'Sell the company', 'Weld frames in Ghent']);
  });

  it('asks which option was chosen, keyed to the one the article names by its number, the others as wrong answers', () => {
    const [q] = choices(article(three, 'In June 2022 the board chose the second option.'));
    expect(q).toBeDefined();
    if (q?.type !== 'single_choice') throw new Error('expected a single choice');
    expect(q.prompt).toBe('The article describes three options. Which one did the board choose?');
    expect(q.options[q.answer]).toBe('Buy frames from a second supplier in Portugal');
    expect([...q.options].sort()).toEqual(
      [
        'Buy frames from a second supplier in Portugal',
        'Move frame welding to the Ghent plant',
        'Sell the company to a larger Dutch group',
      ].sort(),
    );
  });

  it('reads options told as a list the article introduces as options, and a choice that names one by its digit ("Option 2")', () => {
    const listed = article(
      'Three options were put to the board:\n\n1. **Weld frames in Ghent.** The plant would need two years and a new hall.\n2. **Add a second supplier.** A Portuguese maker could ship frames within months.\n3. **Sell the company.** A larger Dutch group had asked twice.\n',
      'In June 2022 the board chose Option 2.',
    );
    const [q] = choices(listed);
    if (q?.type !== 'single_choice') throw new Error('expected a single choice');
    expect(q.prompt).toBe('The article describes three options. Which one did the board choose?');
    expect(q.options[q.answer]).toBe('Add a second supplier');
    expect([...q.options].sort()).toEqual(['Add a second supplier', 'Sell the company', 'Weld frames in Ghent']);
    // A list introduced as something else is no list of options.
    expect(choices(listed.replace('Three options were put to the board:', 'Three problems came to a head:'))).toEqual([]);
  });

  it('reads options told as instructions ("First, …") and labelled options ("Option C: …")', () => {
    const told =
      'First, move frame welding to Ghent. Second, buy frames from a supplier in Portugal. Third, sell the company to a Dutch group.';
    const [q] = choices(article(told, 'The board approved option three in June 2022.'));
    expect(q?.type === 'single_choice' && q.options[q.answer]).toBe('Sell the company to a Dutch group');
  });

  it('reads an option with an aside between its number and its verb ("The third, which Claes favoured, was to …") and digit labels ("Option 1: …")', () => {
    const aside =
      'The first option was to move frame welding to Ghent. The second, which the dealers preferred, was to buy frames from a supplier in Portugal. The third option, backed by two directors, would be to sell the company to a Dutch group.';
    const [q] = choices(article(aside, 'In June 2022 the board chose the second option.'));
    expect(q?.type === 'single_choice' && q.options[q.answer]).toBe('Buy frames from a supplier in Portugal');
    expect(q?.type === 'single_choice' && [...q.options].sort()).toEqual(
      ['Buy frames from a supplier in Portugal', 'Move frame welding to Ghent', 'Sell the company to a Dutch group'].sort(),
    );
    const digits =
      'Option 1: move frame welding to Ghent. Option 2: buy frames from a supplier in Portugal. Option 3: sell the company to a Dutch group.';
    const [d] = choices(article(digits, 'In June 2022 the board chose Option 3.'));
    expect(d?.type === 'single_choice' && d.options[d.answer]).toBe('Sell the company to a Dutch group');
    // An aside that is a whole clause of its own (two commas, a verb after) is not skipped blindly.
    const clause =
      'The first option was to move frame welding to Ghent. The second, however, was never costed, was to buy frames in Portugal. The third was to sell the company.';
    expect(choices(article(clause, 'The board chose the second option.'))).toEqual([]);
  });

  it('reads a list opened by a superlative ("The simplest was to …") and "A second option …", also when only the lesson’s title names the options', () => {
    const told =
      'The simplest was to buy frames from a supplier in Portugal. A second option was to move frame welding to Ghent. A third path was to sell the company to a Dutch group.';
    const [q] = choices(article(told, 'The board chose the third option in June 2022.'));
    expect(q?.type === 'single_choice' && q.options[q.answer]).toBe('Sell the company to a Dutch group');
    expect(q?.type === 'single_choice' && q.options).toHaveLength(3);
    // The list opens its lesson, and the lesson's title is what calls it the options.
    const opening = [
      '# Orlen Bikes',
      '',
      '## Background',
      '',
      'Orlen Bikes builds city bicycles in Ghent and sold 41,000 of them in 2019. Its frames came from a single supplier in Taiwan, and freight costs doubled in 2021.',
      '',
      '## Weighing the Options',
      '',
      told,
      '',
      '## The Decision',
      '',
      'In June 2022 the board chose the second option. Claes told staff the same week, and the dealers heard it from her.',
    ].join('\n');
    const [o] = choices(opening);
    expect(o?.type === 'single_choice' && o.options[o.answer]).toBe('Move frame welding to Ghent');
    // Under a title that says nothing of options, the same sentences are no list of them.
    expect(choices(opening.replace('## Weighing the Options', '## The Next Step'))).toEqual([]);
  });

  it('reads a list whose paragraph named the options and their count a sentence earlier, with a one-word titled option ("**Defer.**")', () => {
    // Blind-review articles a9 and c9 (v13): neither case's options were read.
    const listed = article(
      'Claes asked the finance team to develop three alternatives for the board. Each was modelled over ten years.\n\n1. **Weld frames in Ghent.** The plant would need two years and a new hall.\n2. **Defer.** Keep buying frames from Taiwan and look again in 2025.\n3. **Sell the company.** A larger Dutch group had asked twice.\n',
      'In June 2022 the board chose option 3.',
    );
    const [q] = choices(listed);
    if (q?.type !== 'single_choice') throw new Error('expected a single choice');
    expect(q.options[q.answer]).toBe('Sell the company');
    expect([...q.options].sort()).toEqual(['Defer', 'Sell the company', 'Weld frames in Ghent']);
    // A count that disagrees with the list names some other three things.
    expect(choices(listed.replace('three alternatives', 'four alternatives'))).toEqual([]);
    // A one-word course that is no item's title is not a name.
    expect(choices(listed.replace('**Defer.** Keep buying frames from Taiwan and look again in 2025.', 'Defer.'))).toEqual([]);
  });

  it('asks nothing when the case’s title gives the chosen option away (blind review v13: "Going Digital" over "Full digital conversion")', () => {
    const told = article(three, 'In June 2022 the board chose the third option.');
    expect(choices(told)).toHaveLength(1);
    expect(choices(told.replace('# Orlen Bikes', '# Orlen Bikes: Time to Sell'))).toEqual([]);
  });

  it('leaves out an option mixed into the choice by its number, and asks with the rest ("the fourth path, with elements of the first")', () => {
    const four =
      'The first option was to shrink and wait. The second was to buy frames from a second supplier in Portugal. The third was to sell the company to a larger Dutch group. The fourth was to move frame welding to the Ghent plant.';
    const [q] = choices(article(four, 'In June 2022 the board chose the fourth option, with elements of the first.'));
    if (q?.type !== 'single_choice') throw new Error('expected a single choice');
    expect(q.prompt).toBe('Which of these options did the board choose as its main course?');
    expect(q.options[q.answer]).toBe('Move frame welding to the Ghent plant');
    expect([...q.options].sort()).toEqual(
      [
        'Buy frames from a second supplier in Portugal',
        'Move frame welding to the Ghent plant',
        'Sell the company to a larger Dutch group',
      ].sort(),
    );
  });

  it('leaves out an option taken in part "with a scaled-down Option 4" too (blind review v18e, c51: asked as "which one")', () => {
    const four =
      'The first option was to shrink and wait. The second was to buy frames from a second supplier in Portugal. The third was to sell the company to a larger Dutch group. The fourth was to move frame welding to the Ghent plant.';
    const [q] = choices(article(four, 'In June 2022 the board chose the third option, with a scaled-down version of the fourth.'));
    const [r] = choices(article(four, 'In June 2022 the board chose Option 3, with a scaled-down Option 4: two welders only.'));
    for (const x of [q, r]) {
      if (x?.type !== 'single_choice') throw new Error('expected a single choice');
      expect(x.prompt).toBe('Which of these options did the board choose as its main course?');
      expect(x.options).not.toContain('Move frame welding to the Ghent plant');
    }
  });

  it('names an option by its whole label, commas between its adjectives and all ("Counter-offer a smaller, protected contract")', () => {
    const bold =
      'The team put four options to the board.\n\n**Option 1: Accept the whole contract as offered.** Adding the volume would need a second line.\n\n**Option 2: Decline and protect the brand.** It kept the brand safe.\n\n**Option 3: Counter-offer a smaller, protected contract.** A Saturday shift would lift capacity.\n\n**Option 4: Grow foodservice and export instead.** A sales team would cost money.\n';
    const [q] = choices(article(bold, 'In December 2023 the board chose Option 3.'));
    if (q?.type !== 'single_choice') throw new Error('expected a single choice');
    expect(q.options[q.answer]).toBe('Counter-offer a smaller, protected contract');
  });

  it('reads a choice that names its option by the option’s own words ("chose the Portuguese option"), when they name only one', () => {
    const [q] = choices(article(three, 'In June 2022 the board chose the Portugal option.'));
    expect(q?.type === 'single_choice' && q.options[q.answer]).toBe('Buy frames from a second supplier in Portugal');
    // A word found in two options ("frame welding", "frames") names no one option.
    expect(choices(article(three, 'In June 2022 the board chose the frame option.'))).toEqual([]);
  });

  it('asks nothing when the choice mixes two options or names none by number', () => {
    expect(choices(article(three, 'The board chose the second option, combined with a smaller version of the first.'))).toEqual([]);
    expect(choices(article(three, 'The board chose a mix of local welding and imports.'))).toEqual([]);
    // A list that skips a number is not read as the options.
    const gap = 'The first option was to move frame welding to Ghent. The third was to sell the company to a Dutch group.';
    expect(choices(article(gap, 'The board chose the third option.'))).toEqual([]);
  });

  it('takes only a list the article calls options, read whole (blind review v10: a list of problems was offered as the options, with a wrong key)', () => {
    const problems = 'Three problems came to a head in 2022. The first was energy. The second was regulation. The third was staffing.';
    const lettered =
      'The team presented four options in January 2023. Option A was to reinvest in-house: replace the tunnel washer and renovate all three plants. Option B was to outsource both services. Option C was a hybrid. Option D was to build a shared centre with a neighbouring group.';
    const text = article(`${problems}\n\n${lettered}`, 'In March 2023 the board chose Option C.');
    const [q] = choices(text);
    expect(q?.type === 'single_choice' && q.options).toHaveLength(4);
    expect(q?.type === 'single_choice' && q.options[q.answer]).toBe('A hybrid');
    expect(q?.prompt).toMatch(/four options/);
    // The problems alone are no options to choose from.
    expect(choices(article(problems, 'In March 2023 the board chose the third option.'))).toEqual([]);
    // "four options" announced, three read: one was missed, so nothing is asked.
    const short =
      'The team presented four options. The first was to move welding to Ghent. The second was to buy frames in Portugal. The third was to sell the company.';
    expect(choices(article(short, 'The board chose the second option.'))).toEqual([]);
  });

  it('reads a choice of "a version of" a numbered option, and an option named by a bare word ("chose triage")', () => {
    const [version] = choices(article(three, 'The board therefore approved a modified version of the second option.'));
    expect(version?.type === 'single_choice' && version.options[version.answer]).toBe('Buy frames from a second supplier in Portugal');
    expect(version?.prompt).toBe('The article describes three options. Which one did the board choose?');
    const named =
      'The first option was to move frame welding to the Ghent plant. The second was to buy frames from a second supplier in Portugal. The third was consolidation, selling the company to a larger Dutch group.';
    const [bare] = choices(article(named, 'On 30 June 2022 the board chose consolidation, on condition that the staff kept their jobs.'));
    expect(bare?.type === 'single_choice' && bare.options[bare.answer]).toBe('Consolidation');
    // The date before the chooser is no part of it, whichever way round its day and month go.
    expect(bare?.prompt).toBe('The article describes three options. Which one did the board choose?');
    // A word of no option, or one of two, still names none.
    expect(choices(article(named, 'In June 2022 the board chose caution.'))).toEqual([]);
  });

  it('reads a list its paragraph calls "approaches", "responses" or "strategies"', () => {
    const approaches =
      'The team spent April debating three approaches. The first was to keep the Taiwanese supplier and audit it: visit every quarter and fine late shipments. The second was to buy frames from a second supplier in Portugal. The third was to sell the company to a larger Dutch group.';
    const [q] = choices(article(approaches, 'In June 2022 the board chose the first option.'));
    expect(q?.prompt).toBe('The article describes three options. Which one did the board choose?');
    // "…and audit it": the pronoun points back inside the course itself.
    expect(q?.type === 'single_choice' && q.options[q.answer]).toBe('Keep the Taiwanese supplier and audit it');
    // "The board weighed three responses", "three strategies": the same list by another name.
    for (const noun of ['responses', 'strategies'])
      expect(
        choices(article(approaches.replace('three approaches', `three ${noun}`), 'In June 2022 the board chose the first option.')),
      ).toHaveLength(1);
  });

  it('reads options told as paragraphs that open on their names, when the paragraph before counts them', () => {
    const paragraphs =
      'Okafor presented the board with three options.\n\nWeld in Ghent. The plant would need two years and a new hall.\n\nAdd a supplier. A Portuguese maker could ship frames within months.\n\nSell the company. A larger Dutch group had asked twice.';
    const [q] = choices(article(paragraphs, 'In June 2022 the board chose the second option.'));
    expect(q?.type === 'single_choice' && q.options[q.answer]).toBe('Add a supplier');
    expect(q?.type === 'single_choice' && [...q.options].sort()).toEqual(['Add a supplier', 'Sell the company', 'Weld in Ghent']);
    // A paragraph that opens "It worked." is no option's name, and a count the paragraphs do not match is no list.
    expect(
      choices(article(paragraphs.replace('Add a supplier.', 'It worked.'), 'In June 2022 the board chose the second option.')),
    ).toEqual([]);
    expect(
      choices(article(paragraphs.replace('three options', 'four options'), 'In June 2022 the board chose the second option.')),
    ).toEqual([]);
  });

  it('asks which options were taken when the choice combines whole options by number, as a multiple select (blind reviews v16: every reviewer asked about the decision)', () => {
    const four =
      'The first option was to shrink and wait. The second was to buy frames from a second supplier in Portugal. The third was to sell the company to a larger Dutch group. The fourth was to move frame welding to the Ghent plant.';
    const combined = (choice: string) => {
      const parsed = parseCaseStudy(article(four, choice));
      if (!parsed.ok) throw new Error(parsed.error);
      return generateQuizzes(parsed.caseStudy).lessons.flatMap((l) => l.questions.filter((q) => q.type === 'multiple_choice'));
    };
    const chosenOf = (q: Question | undefined) => {
      if (q?.type !== 'multiple_choice') throw new Error('expected a multiple select');
      return q.answer.map((i) => q.options[i]).sort();
    };
    const [q] = combined('In June 2022 the board chose a combination of the second and fourth options, with one condition.');
    expect(q?.prompt).toBe('The article describes four options. Which of them did the board choose? Select all that apply.');
    expect(q?.family).toBe('decision');
    expect(chosenOf(q)).toEqual(['Buy frames from a second supplier in Portugal', 'Move frame welding to the Ghent plant']);
    expect(q?.type === 'multiple_choice' && q.options).toHaveLength(4);
    // By their digits, three of four; and "the first two".
    expect(chosenOf(combined('In June 2022 the board approved Options 2, 3 and 4.')[0])).toHaveLength(3);
    expect(chosenOf(combined('Claes chose to combine the first two options.')[0])).toEqual([
      'Buy frames from a second supplier in Portugal',
      'Shrink and wait',
    ]);
    // A pronoun says nothing out of its paragraph: the question asks what was chosen, not by whom.
    expect(combined('It chose a combination of the second and fourth options.')[0]?.prompt).toBe(
      'The article describes four options. Which of them were chosen? Select all that apply.',
    );
    // A first move before "and" is no part of who chose (blind review v18m, b59: "did the board rejected the acquisition and choose?").
    expect(combined('The board rejected the sale and adopted Options 2 and 4 together.')[0]?.prompt).toBe(
      'The article describes four options. Which of them were chosen? Select all that apply.',
    );
    // Part of another option, or a smaller version of one, makes the set no longer whole options.
    expect(
      combined('Claes chose to combine the third and fourth options and to make a smaller cut than the first option called for.'),
    ).toEqual([]);
    expect(combined('The board chose the second and fourth options and a smaller version of the first.')).toEqual([]);
    // Every option taken leaves nothing to tell apart; a number beyond the list is no option of it.
    expect(combined('The board approved options 1, 2, 3 and 4.')).toEqual([]);
    expect(combined('The board approved options 4 and 5.')).toEqual([]);
  });

  it('names an option by its label when what follows the colon assesses it ("**Own brand:** the highest margin, but …")', () => {
    const listed = article(
      'Brekke summed up the options for the board:\n\n- **Own brand:** the highest long-term margin per unit, but $9 million of cash at risk.\n- **Private label:** immediate plant loading, but a single customer.\n- **Online-to-store:** cheap and aligned with existing customers.\n',
      'In June 2022 the board chose the third option.',
    );
    const [q] = choices(listed);
    if (q?.type !== 'single_choice') throw new Error('expected a single choice');
    expect([...q.options].sort()).toEqual(['Online-to-store', 'Own brand', 'Private label']);
    expect(q.options[q.answer]).toBe('Online-to-store');
  });

  it('reads options told as lessons of their own ("## Option 2: Automate at home"), and a choice named by a word of the same stem ("chose automation")', () => {
    const headed = [
      '# Orlen Bikes',
      '',
      '## Background',
      '',
      'Orlen Bikes builds city bicycles in Ghent and sold 41,000 of them in 2019. Its frames came from a single supplier in Taiwan, and freight costs doubled in 2021.',
      '',
      '## Option 1: Move frame welding to Portugal',
      '',
      'The sales director proposed buying welded frames from a contract maker near Porto. Freight would fall by half.',
      '',
      '## Option 2: Automate welding at home',
      '',
      'The head of production proposed two welding robots for the Ghent plant. They would cost €1.4 million.',
      '',
      '## Option 3: Sell the company',
      '',
      'A larger Dutch group had asked twice and would pay about €18 million.',
      '',
      '## The Decision',
      '',
      'The board weighed the three options, and how each had fared in its model:',
      '',
      '- Portugal had the lowest cost per frame but the longest lead time.',
      '- Automation was almost as cheap and kept the jobs in Ghent.',
      '- Selling was quick but ended the family’s story.',
      '',
      'The company chose automation. Claes told staff the same week, and the dealers heard it from her.',
    ].join('\n');
    const [q] = choices(headed);
    if (q?.type !== 'single_choice') throw new Error('expected a single choice');
    expect(q.prompt).toBe('The article describes three options. Which one did the company choose?');
    expect([...q.options].sort()).toEqual(['Automate welding at home', 'Move frame welding to Portugal', 'Sell the company']);
    expect(q.options[q.answer]).toBe('Automate welding at home');
  });

  it('names a listed option without the initials the article coins for it ("Covered aerated static piles (CASP)", blind review v17g, c44)', () => {
    const listed = article(
      'Three options were put to the board:\n\n1. **Covered aerated static piles (CASP).** Waste would be tipped inside a new building and composted under covers.\n2. **Anaerobic digestion.** A digester would turn food waste into gas.\n3. **Relocation.** The company would move to a rural site.\n',
      'In June 2022 the board chose Option 1.',
    );
    const [q] = choices(listed);
    if (q?.type !== 'single_choice') throw new Error('expected a single choice');
    expect(q.options[q.answer]).toBe('Covered aerated static piles');
  });

  it('shortens an option to its course', () => {
    expect(
      optionText('to renew all 18 hotels and fund the full $38 million plan, preserving the loyalty engine but absorbing capital'),
    ).toBe('Renew all 18 hotels and fund the full $38 million plan');
    expect(optionText('a field fix: release corrected firmware and repair the quality system')).toBe(
      'Release corrected firmware and repair the quality system',
    );
    // A label that is a course of its own names the option (blind-review article c4); so does the
    // course before a "where" that only says why it appealed (b8).
    expect(optionText('to double down on consumers: raise a $20 million Series B and spend heavily on marketing')).toBe(
      'Double down on consumers',
    );
    expect(optionText('to expand into Arizona and Nevada, where rooftop solar still paid back faster')).toBe(
      'Expand into Arizona and Nevada',
    );
  });
});
