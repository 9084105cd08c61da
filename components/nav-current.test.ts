import { describe, expect, it } from 'vitest';
import { currentHref } from './nav-current';

describe('currentHref', () => {
  const hrefs = ['/dashboard', '/cases', '/teach', '/teach/cases', '/teach/classes'];

  it('marks the section a page is in', () => {
    expect(currentHref('/cases/harbor-coffee/lessons/the-early-years', hrefs)).toBe('/cases');
    expect(currentHref('/dashboard', hrefs)).toBe('/dashboard');
  });

  it('marks only the closer of two nested sections (a review page is in Case studies, not also in Teaching)', () => {
    expect(currentHref('/teach/cases/0f6c', hrefs)).toBe('/teach/cases');
    expect(currentHref('/teach', hrefs)).toBe('/teach');
    expect(currentHref('/teach/analysis/x', hrefs)).toBe('/teach');
  });

  it('marks nothing outside the links, and never a prefix that is not a path segment', () => {
    expect(currentHref('/account', hrefs)).toBeNull();
    expect(currentHref('/teacher', hrefs)).toBeNull();
  });
});
