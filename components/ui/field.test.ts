import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Field } from './field';
import { SelectField } from './select-field';
import { TextAreaField } from './text-area-field';

const classOf = (html: string, tag: string) => new RegExp(`<${tag}[^>]*class="([^"]*)"`).exec(html)?.[1]?.split(' ') ?? [];

describe('form primitives', () => {
  it.each([
    ['Field', 'input', () => createElement(Field, { label: 'Join code', name: 'code', className: 'font-mono' })],
    ['SelectField', 'select', () => createElement(SelectField, { label: 'Kind', name: 'kind', className: 'font-mono' })],
    ['TextAreaField', 'textarea', () => createElement(TextAreaField, { label: 'Text', name: 'text', className: 'font-mono' })],
  ])('%s keeps its border and touch size when the caller adds a class', (_, tag, element) => {
    const classes = classOf(renderToStaticMarkup(element()), tag);
    expect(classes).toContain('font-mono');
    expect(classes).toContain('border');
    // slate-500 on white is 4.8:1; slate-300 (1.5:1) left the join-code box looking borderless (WCAG 1.4.11 asks 3:1).
    expect(classes).toContain('border-slate-500');
    if (tag !== 'textarea') expect(classes).toContain('min-h-11');
  });
});
