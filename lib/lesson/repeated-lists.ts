import type { ContentBlock } from '@/lib/case-study/types';
import { splitSentences } from '@/lib/case-study/sentences';

const normal = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** Key points shown together, with the sentence of the article that introduced them when there is one. */
export interface KeyPointGroup {
  lead?: string;
  items: string[];
}

/**
 * A lesson's key points and its body, with nothing printed twice. A list that only repeats key points
 * leaves the body for the key points box (the review lesson's takeaways were printed twice, issue 13),
 * and the sentence that introduced it ("Here is what they changed:") goes with it: left behind, it
 * ended a paragraph on a colon with nothing after it. A list with anything the key points lack stays whole.
 */
export function lessonLayout(blocks: ContentBlock[], keyPoints: string[]): { groups: KeyPointGroup[]; body: ContentBlock[] } {
  if (keyPoints.length === 0) return { groups: [], body: blocks };
  const points = new Set(keyPoints.map(normal));
  const body: ContentBlock[] = [];
  const moved: KeyPointGroup[] = [];
  for (const block of blocks) {
    if (block.kind !== 'list' || block.items.length === 0 || !block.items.every((item) => points.has(normal(item)))) {
      body.push(block);
      continue;
    }
    const before = body[body.length - 1];
    const sentences = before?.kind === 'paragraph' ? splitSentences(before.text) : [];
    const lead = sentences[sentences.length - 1];
    if (before?.kind === 'paragraph' && lead && /:\s*$/.test(lead)) {
      const rest = before.text.slice(0, before.text.lastIndexOf(lead)).trimEnd();
      if (rest) body[body.length - 1] = { kind: 'paragraph', text: rest };
      else body.pop();
      moved.push({ lead, items: block.items });
    } else moved.push({ items: block.items });
  }
  const shown = new Set(moved.flatMap((g) => g.items.map(normal)));
  const others = keyPoints.filter((p) => !shown.has(normal(p)));
  // In the key points' own order: the review lesson's takeaways list, then its conclusion's sentence.
  const at = (g: KeyPointGroup) =>
    Math.min(...g.items.map((item) => keyPoints.findIndex((p) => normal(p) === normal(item))).filter((i) => i >= 0));
  const groups = [...(others.length ? [{ items: others }] : []), ...moved].sort((a, b) => at(a) - at(b));
  return { groups, body };
}
