import { ButtonLink } from '@/components/ui/button';

export default function NotFound() {
  return (
    <section className="mx-auto max-w-lg py-12 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-700">There is nothing here, or it is not yours to see.</p>
      <ButtonLink href="/cases" variant="secondary" className="mt-6">
        Go to the library
      </ButtonLink>
    </section>
  );
}
