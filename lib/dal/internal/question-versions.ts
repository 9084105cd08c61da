/**
 * An edited question that had answers becomes a new row (lib/dal/questions.ts, `updateQuestion`):
 * the new version takes the fingerprint and the old one keeps it with `~<its id>` appended. The
 * part before the first `~` therefore names the question across all its versions.
 */
export const VERSION_SEPARATOR = '~';

export const retiredVersionFingerprint = (fingerprint: string, id: string) => `${fingerprint}${VERSION_SEPARATOR}${id}`;

export const questionItemId = (fingerprint: string) => fingerprint.split(VERSION_SEPARATOR, 1)[0]!;
