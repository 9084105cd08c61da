import { randomInt } from 'node:crypto';

// Crockford's base 32 without look-alikes (no I, L, O, U): 8 characters ≈ 40 bits.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const JOIN_CODE = /^[0-9A-HJKMNP-TV-Z]{8}$/;

export function newJoinCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** Normalises what a student types: case, spaces and dashes, and the look-alikes O→0, I/L→1. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
