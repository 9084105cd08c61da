const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a string can be a row id. Checked before a query: PostgreSQL rejects a malformed uuid
 * with an error (a 500), where a well-formed id that is not found is a plain 404.
 */
export const isUuid = (value: string): boolean => UUID.test(value);
