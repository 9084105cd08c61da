import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { signOutAction } from '@/app/(auth)/actions';
import { SiteHeader } from '@/components/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Casewise', template: '%s · Casewise' },
  description: 'Business case studies turned into lessons and quizzes.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <SiteHeader signOutAction={signOutAction} />
        <main id="main" className="mx-auto w-full max-w-5xl px-4 py-6 sm:py-10">
          {children}
        </main>
      </body>
    </html>
  );
}
