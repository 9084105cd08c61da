'use client';

import { useEffect, useRef, useState } from 'react';
import { idle, type FormAction } from '@/lib/action-state';
import { MAX_WRITTEN_ANSWER } from '@/lib/questions/kinds';

const SAVE_AFTER_MS = 800;

type SaveStatus = { tone: 'quiet' | 'ok' | 'error'; text: string };

/**
 * A written answer, saved on the server as the learner types (and when they leave the box), so a
 * reload or a closed tab restores it. The box stops at the length limit the server enforces.
 */
export function WrittenAnswer({
  name,
  questionId,
  lessonId,
  legendId,
  describedBy,
  initial,
  saveDraft,
}: {
  name: string;
  questionId: string;
  lessonId: string;
  legendId: string;
  describedBy?: string;
  initial: string;
  saveDraft?: FormAction;
}) {
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>({ tone: 'quiet', text: initial ? 'Restored from your saved draft.' : '' });
  const saved = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const statusId = `draft-status-${questionId}`;

  const save = async (value: string) => {
    if (!saveDraft || value === saved.current) return;
    const form = new FormData();
    form.set('lessonId', lessonId);
    form.set(name, value);
    setStatus({ tone: 'quiet', text: 'Saving…' });
    try {
      const result = await saveDraft(idle, form);
      if (result.status === 'success') {
        saved.current = value;
        setStatus({ tone: 'ok', text: `Draft saved at ${new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.` });
      } else
        setStatus({ tone: 'error', text: result.message ?? 'Not saved yet. Your text is still here; keep it open and we will retry.' });
    } catch {
      setStatus({ tone: 'error', text: 'Not saved: the connection dropped. Your text is still here; we will retry as you type.' });
    }
  };

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  return (
    <div className="flex flex-col gap-1">
      <textarea
        name={name}
        value={text}
        aria-labelledby={legendId}
        aria-describedby={[statusId, describedBy].filter(Boolean).join(' ')}
        maxLength={MAX_WRITTEN_ANSWER}
        rows={7}
        spellCheck
        onChange={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(value), SAVE_AFTER_MS);
        }}
        onBlur={() => void save(text)}
        className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
      />
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <p id={statusId} role="status" className={status.tone === 'error' ? 'text-red-700' : 'text-slate-600'}>
          {status.text}
        </p>
        <p className="text-slate-600">
          {text.length} / {MAX_WRITTEN_ANSWER} characters
        </p>
      </div>
    </div>
  );
}
