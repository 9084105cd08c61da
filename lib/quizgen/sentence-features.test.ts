import { describe, expect, it } from 'vitest';
import { sentenceFeatures } from './sentence-features';

describe('sentenceFeatures: what a sentence is', () => {
  it('reads "May" with a capital inside a sentence as the month, not a forecast ("In May 2023 the board approved …")', () => {
    expect(sentenceFeatures('In May 2023 the board approved a version of the fourth option.').forecast).toBe(false);
    expect(sentenceFeatures('The plant reopened on 3 May, a week late.').forecast).toBe(false);
    // The modal still marks a forecast, wherever it stands.
    expect(sentenceFeatures('Prices may rise again next winter.').forecast).toBe(true);
    // "2025 forecast: Revenue of £5.3m …", a labelled forecast (blind review v18i, c55: asked as a result).
    expect(sentenceFeatures('2025 forecast: Revenue of £5.3m and EBIT of £340,000 (6.4%), with four more orders confirmed.').forecast).toBe(
      true,
    );
    expect(sentenceFeatures('The 2026 budget: revenue of £6.1m.').forecast).toBe(true);
    expect(sentenceFeatures('2024 results: revenue of $2.33m and EBITDA of $326k (14%).').forecast).toBe(false);
    expect(sentenceFeatures('Revenue will reach $40 million by 2027.').forecast).toBe(true);
  });

  it('reads no forecast in an aside that defines a term ("the uncovered rate—jobs it could not staff—climbed …")', () => {
    expect(
      sentenceFeatures('Third, the uncovered rate—jobs requested that the firm could not staff—climbed from 1.8% in 2019 to 7.4% in 2022.')
        .forecast,
    ).toBe(false);
    expect(sentenceFeatures('The churn rate (members who would not renew) fell to 4% in 2024.').forecast).toBe(false);
    // Outside the aside, the modal still counts.
    expect(sentenceFeatures('The uncovered rate—jobs nobody staffed—would climb to 9% by 2026.').forecast).toBe(true);
  });
});
