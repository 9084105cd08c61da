/** Reading the app's server-rendered forms the way a browser without JavaScript posts them (benchmarks). */

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const attributes = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w$:.-]+)="([^"]*)"/g)].map(([, k, v]) => [k!, decode(v!)]));

/** The hidden fields of a page's form that holds `marker` (a server action's id and state, and ours). */
export function hiddenFields(html: string, marker: string): [string, string][] {
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(marker));
  if (!form) throw new Error(`no form with ${marker}`);
  return [...form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return [a.name!, a.value ?? ''];
  });
}

/** One answer per question of the quiz form: the first choice, a number in a text box, a row order. */
export function quizAnswers(html: string): [string, string][] {
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes('Submit answers'))!;
  const out = new Map<string, string>();
  for (const m of form.matchAll(/<input[^>]*>/g)) {
    const a = attributes(m[0]);
    if (!a.name?.startsWith('q.')) continue;
    if ((a.type === 'radio' || a.type === 'checkbox') && !out.has(a.name)) out.set(a.name, a.value ?? '');
    if (a.type === 'text') out.set(a.name, '2020');
  }
  for (const [row, m] of [...form.matchAll(/<select[^>]*name="(q\.[^"]+)"[^>]*>([\s\S]*?)<\/select>/g)].entries()) {
    const values = [...m[2]!.matchAll(/<option[^>]*value="([^"]+)"/g)].map((o) => o[1]!);
    if (values.length) out.set(m[1]!, values[row % values.length]!);
  }
  return [...out];
}

export function formBody(fields: [string, string][]): FormData {
  const body = new FormData();
  for (const [k, v] of fields) body.append(k, v);
  return body;
}

/** The session cookie a response sets (`name=value`), if any. */
export function sessionCookie(response: Response): string | null {
  const set = response.headers.getSetCookie().find((c) => /authjs\.session-token=/.test(c) && !/Max-Age=0/i.test(c));
  return set ? set.split(';')[0]! : null;
}
