/** What a learner's class assignments allow on one lesson's quiz. Pure. */

interface AssignmentRule {
  attemptsAllowed: number | null;
  answersShown: 'after_attempt' | 'after_due';
  dueAt: Date;
}

export interface QuizRules {
  /** null: as many attempts as the learner likes. */
  attemptsAllowed: number | null;
  /** While set and in the future, the learner's results show their score but not the answers. */
  reviewHiddenUntil: Date | null;
}

/**
 * A learner in several classes with the same lesson assigned gets the most generous attempt limit
 * (no class may take away attempts another grants) and the strictest review rule (answers stay
 * hidden until every class that hides them has passed its due date).
 */
export function combineRules(rules: readonly AssignmentRule[], now: Date): QuizRules {
  if (!rules.length) return { attemptsAllowed: null, reviewHiddenUntil: null };
  const limits = rules.map((r) => r.attemptsAllowed);
  const attemptsAllowed = limits.some((l) => l === null) ? null : Math.max(...(limits as number[]));
  const hiding = rules.filter((r) => r.answersShown === 'after_due' && r.dueAt > now).map((r) => r.dueAt.getTime());
  return { attemptsAllowed, reviewHiddenUntil: hiding.length ? new Date(Math.max(...hiding)) : null };
}

export const attemptsLeft = (rules: QuizRules, used: number): number | null =>
  rules.attemptsAllowed === null ? null : Math.max(0, rules.attemptsAllowed - used);
