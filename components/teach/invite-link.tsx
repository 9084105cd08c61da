'use client';

import { useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';

const subscribe = () => () => {};

/**
 * The class's invite as a full link in a read-only field, with a copy button, and the join code
 * beside it. The link is built from the address the page was opened at (the server never trusts a
 * Host header to build it); before the page runs in the browser it shows the path alone.
 */
export function InviteLink({ code }: { code: string }) {
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => '',
  );
  const link = `${origin}/join?code=${encodeURIComponent(code)}`;
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('copied');
    } catch {
      // No clipboard permission (an http page, an old browser): select it for the viewer to copy.
      (document.getElementById('invite-link') as HTMLInputElement | null)?.select();
      setCopied('failed');
    }
  };
  return (
    <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto]">
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="invite-link" className="text-sm font-medium text-slate-800">
          Invite link
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id="invite-link"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            aria-describedby="invite-link-hint"
            className="min-h-11 min-w-0 flex-1 basis-56 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-900"
          />
          <Button type="button" variant="secondary" onClick={copy}>
            Copy invite link
          </Button>
        </div>
        <p id="invite-link-hint" className="text-sm text-slate-600">
          Students who open it sign in and join the class.
        </p>
        <p aria-live="polite" className="text-sm text-emerald-800">
          {copied === 'copied'
            ? 'Invite link copied.'
            : copied === 'failed'
              ? 'Copy did not work here: the link is selected, copy it yourself.'
              : ''}
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="join-code" className="text-sm font-medium text-slate-800">
          Join code
        </label>
        <input
          id="join-code"
          readOnly
          value={code}
          aria-describedby="join-code-hint"
          className="min-h-11 w-40 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-lg tracking-widest text-slate-900"
        />
        <p id="join-code-hint" className="text-sm text-slate-600">
          Or enter it at /join.
        </p>
      </div>
    </div>
  );
}
