import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const withXff = (value?: string) => new Headers(value === undefined ? {} : { 'x-forwarded-for': value });

describe('clientAddress', () => {
  it('ignores what a client claims to the left of the trusted proxy', () => {
    // The client sent "6.6.6.6"; the one trusted proxy appended the peer it saw.
    expect(clientAddress(withXff('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(withXff('6.6.6.6, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7');
  });

  it('takes the last entry when no proxy is declared', () => {
    expect(clientAddress(withXff('198.51.100.4'), 0)).toBe('198.51.100.4');
    expect(clientAddress(withXff('1.1.1.1, 198.51.100.4'), 0)).toBe('198.51.100.4');
  });

  it('falls back to the leftmost entry when fewer proxies wrote than declared', () => {
    expect(clientAddress(withXff('198.51.100.4'), 3)).toBe('198.51.100.4');
  });

  it('maps IPv4-in-IPv6 to IPv4 and refuses anything that is not an address', () => {
    expect(clientAddress(withXff('::ffff:127.0.0.1'), 0)).toBe('127.0.0.1');
    expect(clientAddress(withXff('::1'), 0)).toBe('::1');
    expect(clientAddress(withXff("evil'; drop table users"), 0)).toBe('invalid');
    expect(clientAddress(withXff(), 0)).toBe('unknown');
  });
});
