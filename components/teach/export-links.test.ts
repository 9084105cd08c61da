import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ExportLinks } from './export-links';

describe('export links', () => {
  it('link every format for the questions in use', () => {
    const html = renderToStaticMarkup(createElement(ExportLinks, { caseId: 'c1', of: 'every lesson of Harbor Coffee', inUse: 2 }));
    expect(html).toContain('href="/teach/cases/c1/export?format=gift"');
    expect(html).toContain('href="/teach/cases/c1/export?format=moodle"');
    expect(html).toContain('href="/teach/cases/c1/export?format=qti"');
  });

  it('say there is nothing to export, and offer no empty file, when no question is in use', () => {
    // Generator v13 writes no question for some articles: their case study starts with nothing to export.
    const html = renderToStaticMarkup(createElement(ExportLinks, { caseId: 'c1', of: 'every lesson of Harbor Coffee', inUse: 0 }));
    expect(html).toContain('Nothing to export yet: no question is in use.');
    expect(html).not.toContain('href=');
  });
});
