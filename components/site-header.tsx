import Link from 'next/link';
import { getCurrentUser } from '@/lib/dal/session';
import type { FormAction } from '@/lib/action-state';
import { SignOutForm } from './auth/sign-out-form';
import { MainNav, type NavLink } from './main-nav';
import { ButtonLink } from './ui/button';

/** The header on every page; the layout hands it the sign-out action, as pages hand actions to forms. */
export async function SiteHeader({ signOutAction }: { signOutAction: FormAction }) {
  const user = await getCurrentUser();
  const links: NavLink[] = user
    ? [
        { href: '/cases', label: 'Library' },
        { href: '/dashboard', label: 'Dashboard' },
        { href: '/review', label: 'Review' },
        ...(user.role === 'instructor'
          ? [
              { href: '/teach', label: 'Teaching' },
              { href: '/teach/cases', label: 'Case studies' },
              { href: '/teach/classes', label: 'Classes' },
            ]
          : [{ href: '/join', label: 'Join a class' }]),
        ...(user.role === 'admin' ? [{ href: '/admin', label: 'Admin' }] : []),
        { href: '/account', label: 'Account' },
      ]
    : [];
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-2">
        <Link href={user ? '/dashboard' : '/'} className="py-2 text-lg font-bold tracking-tight text-indigo-800">
          Casewise
        </Link>
        {user ? (
          <MainNav links={links}>
            <div className="flex items-center gap-2">
              <span className="max-w-48 truncate text-slate-600 md:hidden lg:inline">
                <span className="sr-only">Signed in as </span>
                {user.name}
              </span>
              <SignOutForm action={signOutAction} />
            </div>
          </MainNav>
        ) : (
          <nav aria-label="Main" className="flex items-center gap-1 text-sm">
            <Link href="/login" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
              Sign in
            </Link>
            <ButtonLink href="/signup" className="min-h-9 py-1">
              Create account
            </ButtonLink>
          </nav>
        )}
      </div>
    </header>
  );
}
