'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

const ReportContext = createContext<((message: string) => void) | null>(null);

/**
 * Where the forms inside it report success, for forms that may be gone once they succeed (removing
 * an item removes its own form, and a message shown there would vanish with it). The region is in
 * the page before anything is reported, so a screen reader announces what lands in it, and it takes
 * the focus, since the button that had it may have gone.
 */
export function StatusRegion({ children }: { children: ReactNode }) {
  const [report, setReport] = useState<{ message: string; n: number } | null>(null);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (report) region.current?.focus();
  }, [report]);
  const post = useCallback((message: string) => setReport((r) => ({ message, n: (r?.n ?? 0) + 1 })), []);
  return (
    <ReportContext.Provider value={post}>
      {/* Live before anything lands in it, so the report is announced; empty, it is no status at all. */}
      <div aria-live="polite">
        {report && (
          <div
            ref={region}
            role="status"
            tabIndex={-1}
            className="mb-3 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-900 focus:outline-2 focus:outline-indigo-700"
          >
            {report.message}
          </div>
        )}
      </div>
      {children}
    </ReportContext.Provider>
  );
}

/** The enclosing StatusRegion's report function, or null outside one. */
export const useStatusRegion = () => useContext(ReportContext);
