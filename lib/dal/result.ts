/**
 * How every DAL write reports its outcome. Success carries the fields the caller needs; failure
 * carries a typed code (the action turns it into words for the user) and, where the cause is in
 * the user's own input (an article the parser cannot read), a message worth showing as it is.
 *
 * Reads do not use it: a read returns its object, or null when the thing does not exist *or* is
 * not the caller's to see, and the page answers 404 for both, so nobody can probe for ids.
 */
export type DalResult<T extends object, E extends string> = ({ ok: true } & T) | DalFailure<E>;

export type DalFailure<E extends string> = { ok: false; error: E; message?: string };
