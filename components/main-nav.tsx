'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { currentHref } from './nav-current';

export interface NavLink {
  href: string;
  label: string;
}

/**
 * The signed-in header's links: in a row on wide screens; behind a "Menu" button on phones, so the
 * header stays one line. The button says whether the menu is open (aria-expanded), Escape closes it
 * and gives the focus back to the button, and it closes when a link is followed.
 */
export function MainNav({ links, children }: { links: NavLink[]; children?: ReactNode }) {
  const pathname = usePathname();
  const current = currentHref(
    pathname,
    links.map((l) => l.href),
  );
  // The page the menu was opened on: following a link (or back/forward) closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const button = useRef<HTMLButtonElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      button.current?.focus();
    }
  };

  const link =
    'block rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-900';
  return (
    <nav aria-label="Main" className="text-sm" onKeyDown={onKeyDown}>
      {/* Without JavaScript the button cannot open anything: show the links instead. */}
      <noscript>
        <style>
          {
            '#main-menu{display:flex!important;position:static!important;box-shadow:none!important}#main-menu-button{display:none!important}'
          }
        </style>
      </noscript>
      <button
        ref={button}
        id="main-menu-button"
        type="button"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => setOpen(!open)}
        className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-500 bg-white px-3 font-semibold text-slate-800 md:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
          {open ? (
            <path d="M5.3 4.3a1 1 0 0 0-1.4 1.4L8.6 10l-4.7 4.3a1 1 0 1 0 1.4 1.4L10 11.4l4.7 4.3a1 1 0 0 0 1.4-1.4L11.4 10l4.7-4.3a1 1 0 0 0-1.4-1.4L10 8.6 5.3 4.3Z" />
          ) : (
            <path d="M3 5a1 1 0 0 1 1-1h12a1 1 0 1 1 0 2H4a1 1 0 0 1-1-1Zm0 5a1 1 0 0 1 1-1h12a1 1 0 1 1 0 2H4a1 1 0 0 1-1-1Zm1 4a1 1 0 1 0 0 2h12a1 1 0 1 0 0-2H4Z" />
          )}
        </svg>
        Menu
      </button>
      <ul
        id="main-menu"
        className={`${open ? 'flex' : 'hidden'} absolute inset-x-0 top-full z-20 flex-col gap-1 border-b border-slate-200 bg-white px-4 py-3 shadow-lg md:static md:flex md:flex-row md:items-center md:gap-1 md:border-0 md:p-0 md:shadow-none`}
      >
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={l.href === current ? 'page' : undefined} className={link} onClick={() => setOpen(false)}>
              {l.label}
            </Link>
          </li>
        ))}
        {children && <li className="pt-2 md:pt-0 md:pl-1">{children}</li>}
      </ul>
    </nav>
  );
}
