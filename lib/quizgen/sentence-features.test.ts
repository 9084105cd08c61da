import { describe, expect, it } from 'vitest';
import { sentenceFeatures } from './sentence-features';

describe('sentenceFeatures: what a sentence is', () => {
  it('reads "May" with a capital inside a sentence as the month, not a forecast ("In May 2023 the board approved …")', () => {
    expect(sentenceFeatures('In May 2023 the board approved a version of the fourth option.').forecast).toBe(false);
    expect(sentenceFeatures('The plant reopened on 3 May, a week late.').forecast).toBe(false);
    // The modal still marks a forecast, wherever it stands.
    expect(sentenceFeatures('Prices may rise again next winter.').forecast).toBe(true);
    expect(sentenceFeatures('Revenue will reach $40 million by 2027.').forecast).toBe(true);
  });
});
