import type { ContentBlock } from '@/lib/case-study/types';

/** Article text rendered as React text nodes: anything that looks like HTML stays text. */
export function ContentBlocks({ blocks }: { blocks: ContentBlock[] }) {
  return (
    <div className="flex flex-col gap-4 font-serif text-lg leading-relaxed text-slate-800">
      {blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </div>
  );
}

function Block({ block }: { block: ContentBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'subheading':
      return <h3 className="mt-2 font-sans text-lg font-semibold text-slate-900">{block.text}</h3>;
    case 'quote':
      return <blockquote className="border-l-4 border-slate-300 pl-4 italic text-slate-700">{block.text}</blockquote>;
    case 'list': {
      const items = block.items.map((item, j) => <li key={j}>{item}</li>);
      return block.ordered ? (
        <ol className="ml-6 list-decimal space-y-2">{items}</ol>
      ) : (
        <ul className="ml-6 list-disc space-y-2">{items}</ul>
      );
    }
    case 'table':
      return (
        <div
          className="scroll-hint relative -mx-1 overflow-x-auto"
          tabIndex={0}
          role="region"
          aria-label={`Table: ${block.header.join(', ')}`}
        >
          <table className="w-full border-collapse font-sans text-base">
            <thead>
              <tr>
                {block.header.map((cell, j) => (
                  <th key={j} scope="col" className="border-b-2 border-slate-300 px-2 py-1 text-left font-semibold">
                    {cell}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r} className="border-b border-slate-200">
                  {row.map((cell, j) => (
                    <td key={j} className="px-2 py-1 align-top">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}
