import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { importCaseAction } from '@/app/(teach)/case-actions';
import { ImportForm } from '@/components/teach/import-form';
import { requireInstructor } from '@/lib/dal/session';

export const metadata: Metadata = { title: 'Import a case study' };

export default async function ImportCaseStudyPage() {
  if (!(await requireInstructor())) notFound();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link href="/teach/cases" className="hover:underline">
            Your case studies
          </Link>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">Import a case study</h1>
        <p className="mt-1 text-slate-700">
          Casewise turns each section into a lesson and writes its quiz. Preview first; a saved draft stays hidden from learners until you
          publish it.
        </p>
      </header>
      <ImportForm action={importCaseAction} />
    </div>
  );
}
