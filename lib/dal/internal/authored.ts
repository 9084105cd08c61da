import { randomUUID } from 'node:crypto';

/** Authored questions sit after the generated ones (at most a few per lesson), whatever a re-import does. */
export const AUTHORED_POSITION = 1000;

/**
 * What marks a question as the instructor's own (written, or imported from a question bank): a
 * fingerprint that never matches a generated question, so a re-import of the article cannot
 * overwrite or retire it.
 */
export const authoredMarks = () => ({ fingerprint: `authored-${randomUUID()}`, authored: true, editedAt: new Date() });
