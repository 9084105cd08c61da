import type { ContentBlock } from '@/lib/case-study/types';

const normal = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A lesson's body without the lists that only repeat its key points: the key points box already
 * shows them at the top (the review lesson's takeaways were printed twice, issue 13). A list with
 * anything the key points lack stays whole.
 */
export function withoutRepeatedKeyPoints(blocks: ContentBlock[], keyPoints: string[]): ContentBlock[] {
  if (keyPoints.length === 0) return blocks;
  const points = new Set(keyPoints.map(normal));
  return blocks.filter((b) => b.kind !== 'list' || b.items.length === 0 || !b.items.every((item) => points.has(normal(item))));
}
