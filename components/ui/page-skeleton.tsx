/**
 * What a slow page shows while it loads (its loading.tsx): grey blocks in the page's shape, and
 * words for screen readers. The pulse stops for people who ask for less motion.
 */
export function PageSkeleton({ label, cards = 3 }: { label: string; cards?: number }) {
  const bar = 'rounded bg-slate-200 motion-safe:animate-pulse';
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-6">
      <span className="sr-only">Loading {label}…</span>
      <div aria-hidden="true" className="flex flex-col gap-3">
        <div className={`${bar} h-8 w-2/3 max-w-md`} />
        <div className={`${bar} h-4 w-1/2 max-w-sm`} />
      </div>
      <div aria-hidden="true" className="flex flex-col gap-4">
        {Array.from({ length: cards }, (_, i) => (
          <div key={i} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
            <div className={`${bar} h-5 w-3/4`} />
            <div className={`${bar} h-3 w-full`} />
            <div className={`${bar} h-3 w-5/6`} />
          </div>
        ))}
      </div>
    </div>
  );
}
