'use client';

import { Button } from '@/components/ui/button';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="mx-auto max-w-lg py-12 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-slate-700">Nothing you saved was lost. Try again in a moment.</p>
      <Button onClick={reset} variant="secondary" className="mt-6">
        Try again
      </Button>
    </section>
  );
}
