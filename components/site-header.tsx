import Link from 'next/link';
import { getCurrentUser } from '@/lib/dal/session';
import type { FormAction } from '@/lib/action-state';
import { SignOutForm } from './auth/sign-out-form';
import { ButtonLink } from './ui/button';

/** The header on every page; the layout hands it the sign-out action, as pages hand actions to forms. */
export async function SiteHeader({ signOutAction }: { signOutAction: FormAction }) {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href={user ? '/dashboard' : '/'} className="text-lg font-bold tracking-tight text-indigo-800">
          Casewise
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm">
          {user ? (
            <>
              <Link href="/cases" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                Library
              </Link>
              <Link href="/dashboard" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                Dashboard
              </Link>
              <Link href="/review" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                Review
              </Link>
              {user.role === 'instructor' ? (
                <>
                  <Link href="/teach" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                    Teaching
                  </Link>
                  <Link href="/teach/cases" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                    Case studies
                  </Link>
                  <Link href="/teach/classes" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                    Classes
                  </Link>
                </>
              ) : (
                <Link href="/join" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                  Join a class
                </Link>
              )}
              {user.role === 'admin' && (
                <Link href="/admin" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                  Admin
                </Link>
              )}
              <span className="hidden px-2 text-slate-500 sm:inline" aria-label="Signed in as">
                {user.name}
              </span>
              <SignOutForm action={signOutAction} />
            </>
          ) : (
            <>
              <Link href="/login" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                Sign in
              </Link>
              <ButtonLink href="/signup" className="min-h-9 py-1">
                Create account
              </ButtonLink>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
