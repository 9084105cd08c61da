import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-path';

describe('safeNextPath', () => {
  it('keeps a path of this site with its query', () => {
    expect(safeNextPath('/join?code=ABCD2345')).toBe('/join?code=ABCD2345');
    expect(safeNextPath('/cases/alibaba-ai-comeback')).toBe('/cases/alibaba-ai-comeback');
  });

  it('drops the fragment', () => {
    expect(safeNextPath('/dashboard#assigned')).toBe('/dashboard');
  });

  it.each([
    'https://evil.example/join',
    '//evil.example/join',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    ' /join',
    '/join\n?code=x',
    '/jo\tin',
    'join?code=x',
    '',
    `/${'a'.repeat(600)}`,
  ])('refuses %j', (value) => {
    expect(safeNextPath(value)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(['/join'])).toBeNull();
  });

  it('never returns anything that leaves the site, whatever the input', () => {
    let kept = 0;
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (raw) => {
        const out = safeNextPath(raw);
        if (out === null) return;
        kept += 1;
        expect(out.startsWith('/')).toBe(true);
        expect(out.startsWith('//')).toBe(false);
        expect(new URL(out, 'https://casewise.example').host).toBe('casewise.example');
      }),
      { numRuns: 2000 },
    );
    // Most random strings do not start with a slash: prefix one so the property is really exercised.
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (raw) => {
        const out = safeNextPath(`/${raw}`);
        if (out === null) return;
        kept += 1;
        expect(new URL(out, 'https://casewise.example').host).toBe('casewise.example');
      }),
      { numRuns: 2000 },
    );
    expect(kept).toBeGreaterThan(500);
  });
});
