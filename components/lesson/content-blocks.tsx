import type { ContentBlock } from '@/lib/case-study/types';

/** Article text rendered as React text nodes: anything that looks like HTML stays text. */
export function ContentBlocks({ blocks }: { blocks: ContentBlock[] }) {
  return (
    <div className="flex flex-col gap-4 font-serif text-lg leading-relaxed text-slate-800">
      {blocks.map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i}>{block.text}</p>
        ) : block.ordered ? (
          <ol key={i} className="ml-6 list-decimal space-y-2">
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ol>
        ) : (
          <ul key={i} className="ml-6 list-disc space-y-2">
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
