import { describe, expect, it } from 'vitest';
import { authConfig, sitePath } from './auth.config';

describe("Auth.js's redirect callback", () => {
  it.each([
    ['/dashboard', '/dashboard'],
    ['/cases?x=1#top', '/cases?x=1#top'],
    ['http://evil.example/', '/'],
    ['https://evil.example/dashboard?next=1', '/dashboard?next=1'],
    ['//evil.example/dashboard', '/dashboard'],
    ['/\\evil.example/x', '/x'],
    ['http://localhost:3000//evil.example', '/evil.example'],
    ['javascript:alert(1)', '/'],
    ['http://[broken', '/'],
  ])('keeps %s on this site as %s', (url, path) => {
    expect(sitePath(url)).toBe(path);
    expect(authConfig.callbacks.redirect({ url, baseUrl: 'http://evil.example' })).toBe(path);
  });
});
