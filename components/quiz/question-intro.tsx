/** Ungraded text shown just before a question (a GIFT description, an instructor's lead-in). */
export function QuestionIntro({ id, text, className = '' }: { id?: string; text: string | null | undefined; className?: string }) {
  if (!text) return null;
  return (
    <p
      id={id}
      data-testid="question-intro"
      className={`whitespace-pre-line break-words rounded-lg border-l-4 border-slate-300 bg-slate-50 px-3 py-2 text-slate-800 ${className}`}
    >
      {text}
    </p>
  );
}
