import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { RawBlock } from './blocks';

/**
 * Markdown read as a syntax tree (CommonMark with GFM tables), so headings, lists, quotes and tables
 * are what a Markdown renderer would show. Fenced code, indented code and raw HTML are never content:
 * they become neither headings nor sentences that questions could quote.
 */
export function markdownBlocks(text: string): RawBlock[] {
  const tree: Root = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  return tree.children.flatMap(toBlocks);
}

/** Whether a text is Markdown rather than text pasted from a web page: it has Markdown's own syntax. */
export function looksLikeMarkdown(text: string): boolean {
  return (
    /^ {0,3}#{1,6}\s+\S/m.test(text) ||
    /^[^\s•].*\n {0,3}(?:=+|-{3,})\s*$/m.test(text) ||
    /^ {0,3}(?:```|~~~)/m.test(text) ||
    /^\s*\|?\s*:?-{3,}:?\s*\|/m.test(text)
  );
}

const inline = (node: Nodes) => toString(node).replace(/\s+/g, ' ').trim();

function toBlocks(node: RootContent): RawBlock[] {
  switch (node.type) {
    case 'heading': {
      const text = inline(node);
      return text ? [{ kind: 'heading', level: node.depth, text, explicit: true }] : [];
    }
    case 'paragraph': {
      const lines = toString(node)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      return lines.length ? [{ kind: 'paragraph', text: lines.join(' '), lines }] : [];
    }
    case 'list': {
      const items: string[] = [];
      const nested: RawBlock[] = [];
      for (const item of node.children) {
        const own = item.children
          .filter((c) => c.type !== 'list')
          .map(inline)
          .filter(Boolean)
          .join(' ');
        if (own) items.push(own);
        for (const child of item.children) if (child.type === 'list') nested.push(...toBlocks(child));
      }
      const list: RawBlock[] = items.length ? [{ kind: 'list', ordered: Boolean(node.ordered), items }] : [];
      return [...list, ...nested];
    }
    case 'blockquote': {
      const text = inline(node);
      return text ? [{ kind: 'quote', text }] : [];
    }
    case 'table': {
      const [head, ...rows] = node.children.map((row) => row.children.map(inline));
      if (!head) return [];
      return [{ kind: 'table', header: head, rows: rows.map((r) => head.map((_, c) => r[c] ?? '')) }];
    }
    // Code, HTML, rules, definitions: not prose, never a heading or a question.
    default:
      return [];
  }
}
