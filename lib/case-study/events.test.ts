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
});
