import { describe, expect, it } from 'vitest';
import { datedEvent } from './events';

describe('datedEvent', () => {
  it('lifts the year of an event out of the sentence, at its start or its end', () => {
    expect(datedEvent('In 2019, Harbor Coffee opened its second café in the old market hall.', 0)).toMatchObject({
      year: 2019,
      event: 'Harbor Coffee opened its second café in the old market hall.',
    });
    expect(datedEvent('Harbor Coffee opened its second café in the old market hall in 2019.', 0)).toMatchObject({ year: 2019 });
  });

  it('never dates an event by a deadline, a target or a scenario (blind review v5: a wrong order key)', () => {
    // "by 2020" is when a modelled share would be reached, not when the modelling happened.
    expect(
      datedEvent('Chief financial officer Tor Halme modelled a scenario in which the new product reached 30% of volume by 2020.', 0),
    ).toBeNull();
    expect(datedEvent('The company cut its debt to €40 million by 2022.', 0)).toBeNull();
    expect(datedEvent('Management set a target of 500 stores in 2025.', 0)).toBeNull();
  });

  it('reads a date at the end only in a sentence of one clause: the year belongs to the last clause (blind review v9)', () => {
    // "Pike left in early 2023": the layoffs are not dated; "Austin, Texas, in 2017" left "Texas,." behind.
    expect(datedEvent('Ninety employees were laid off, reducing headcount to 320, and Pike left in early 2023.', 0)).toBeNull();
    expect(datedEvent('Marcus Leung, a former personal trainer, founded Stridewell in Austin, Texas, in 2017.', 0)).toBeNull();
    expect(datedEvent('In 2017 Marcus Leung founded Stridewell in Austin, Texas.', 0)).toMatchObject({ year: 2017 });
  });

  it('never takes a time told relative to another, a past perfect or a forecast for a dated event (blind review v9)', () => {
    expect(datedEvent('In April 2020 passenger numbers were 88% lower than a year earlier.', 0)).toBeNull();
    expect(datedEvent('In 2023 revenue for the year fell to $90 million.', 0)).toBeNull();
    expect(datedEvent('In 2017 Annika Brandt had run the materials division for six years.', 0)).toBeNull();
    expect(datedEvent('In 2020 Harlan’s had already signed a contract with a platform provider.', 0)).toBeNull();
    expect(datedEvent('By mid-2019 the finance chief was forecasting revenue of $261 million.', 0)).toBeNull();
  });
});
