import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse, Browser, BrowserContext } from '@playwright/test';
import postgres from 'postgres';
import { AuthPages, expect, test, uniqueAddress, uniqueEmail } from './fixtures';

/**
 * Who may open what, and who may do what: six identities × every page, route handler and server
 * action of the production build, on PostgreSQL (the test reads and diffs the server's database).
 *
 * Systematic on purpose: the routes are read from app/ (every page.tsx and route.ts) and the server
 * actions from the build's server-reference manifest, so a new page or action without an entry
 * here fails the test. Every response is also searched for sentinel strings written into an
 * import's answer keys, explanations and sources (HTML and RSC payloads alike).
 */

const IDENTITIES = ['anonymous', 'studentA', 'studentB', 'owner', 'rival', 'admin'] as const;
type Identity = (typeof IDENTITIES)[number];
/** studentA is in the owner's class the sentinel case is assigned to; studentB is in no such class. */
const SIGNED_IN = IDENTITIES.filter((i) => i !== 'anonymous');

/** What a request gets: the page, the sign-in page, a 404, or a redirect to the dashboard. */
type Outcome = 'ok' | 'login' | 'missing' | 'dashboard';
type Phase = 'private' | 'shared';

interface Actor {
  name: Identity;
  context: BrowserContext;
  request: APIRequestContext;
  address: string;
  email: string;
}

interface World {
  actors: Record<Identity, Actor>;
  sentinels: string[];
  sentinelCase: { id: string; slug: string; title: string; lessonId: string; lessonSlug: string; questionId: string };
  draft: { id: string; lessonId: string; questionId: string };
  classId: string;
  assignmentId: string;
  spareClass: { id: string; code: string };
  /** A lesson assigned to the spare class: what the assignment actions are aimed at. */
  spareAssignment: { id: string; lessonId: string };
  attemptId: string;
  shippedLessonId: string;
  /** studentA's written answer in that attempt (the sentinel case's open-response question). */
  written: { questionId: string; answerId: string };
}

const password = 'access-matrix-password';
const postgresUrl = process.env.DATABASE_URL;
let sql: postgres.Sql;
let world: World;
let baseURL = '';

// ---------------------------------------------------------------------------------------------
// Routes: every page.tsx and route.ts under app/, as its URL pattern.

function appRoutes(dir = 'app', prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      // A route group "(learn)" adds nothing to the URL.
      const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
      out.push(...appRoutes(path.join(dir, entry.name), prefix + segment));
    } else if (/^(page|route)\.tsx?$/.test(entry.name)) {
      out.push(prefix || '/');
    }
  }
  return out;
}

interface Probe {
  method?: 'GET' | 'POST';
  url: string;
  expect: Record<Identity, Outcome>;
  /** Identities for whom this response may carry the sentinels (the owner's own editor, say). */
  mayShowKeys?: Identity[];
}

const all = (outcome: Outcome): Record<Identity, Outcome> =>
  Object.fromEntries(IDENTITIES.map((i) => [i, outcome])) as Record<Identity, Outcome>;
/** Signed-in identities get `signedIn` unless listed; anonymous visitors are sent to sign in. */
const only = (allowed: Identity[], otherwise: Outcome = 'missing'): Record<Identity, Outcome> =>
  Object.fromEntries(IDENTITIES.map((i) => [i, i === 'anonymous' ? 'login' : allowed.includes(i) ? 'ok' : otherwise])) as Record<
    Identity,
    Outcome
  >;
const INSTRUCTORS: Identity[] = ['owner', 'rival'];

/** Ids that are not there, or not ids at all: never anything but a 404 (or the sign-in page). */
const FUZZ = () => [randomUUID(), 'not-an-id', "x'%20or%201=1--", '%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'a'.repeat(300)];

/** The matrix: what each identity gets from each route, in each phase of the shared library. */
function routeTable(w: World, phase: Phase): Record<string, { probes: Probe[]; fuzz?: (bad: string) => string }> {
  const c = w.sentinelCase;
  // The sentinel case is the owner's published import, assigned to studentA's class. Private: the
  // owner, studentA and the administrator (who may read any published import) see it. Shared:
  // everyone signed in does.
  const caseReaders: Identity[] = phase === 'shared' ? SIGNED_IN : ['owner', 'studentA', 'admin'];
  const signedIn = only(SIGNED_IN);
  const exporters: Identity[] = phase === 'shared' ? INSTRUCTORS : ['owner'];
  return {
    '/': { probes: [{ url: '/', expect: { ...all('dashboard'), anonymous: 'ok' } }] },
    '/login': { probes: [{ url: '/login', expect: all('ok') }] },
    '/signup': { probes: [{ url: '/signup', expect: all('ok') }] },
    '/dashboard': { probes: [{ url: '/dashboard', expect: signedIn }] },
    '/join': { probes: [{ url: '/join', expect: signedIn }] },
    // Each learner's own due questions, public half only; a round's results only with its key.
    '/review': {
      probes: [
        { url: '/review', expect: signedIn },
        { url: `/review?round=${randomUUID()}`, expect: signedIn },
      ],
    },
    '/account': { probes: [{ url: '/account', expect: signedIn }] },
    '/forgot-password': { probes: [{ url: '/forgot-password', expect: all('ok') }] },
    '/reset-password': {
      // A dead or made-up link shows the page with "expired or used", to everyone alike.
      probes: [
        { url: '/reset-password', expect: all('ok') },
        { url: `/reset-password?token=${'A'.repeat(43)}`, expect: all('ok') },
      ],
    },
    '/cases': { probes: [{ url: '/cases', expect: signedIn }] },
    '/cases/[slug]': { probes: [{ url: `/cases/${c.slug}`, expect: only(caseReaders) }], fuzz: (bad) => `/cases/${bad}` },
    '/cases/[slug]/lessons/[lesson]': {
      probes: [{ url: `/cases/${c.slug}/lessons/${c.lessonSlug}`, expect: only(caseReaders) }],
      fuzz: (bad) => `/cases/${c.slug}/lessons/${bad}`,
    },
    '/cases/[slug]/lessons/[lesson]/quiz': {
      probes: [
        { url: `/cases/${c.slug}/lessons/${c.lessonSlug}/quiz`, expect: only(caseReaders) },
        { url: `/cases/${c.slug}/lessons/${c.lessonSlug}/quiz?assignment=${w.assignmentId}`, expect: only(caseReaders) },
      ],
      fuzz: (bad) => `/cases/${bad}/lessons/${c.lessonSlug}/quiz`,
    },
    '/attempts/[id]': {
      // studentA's attempt for the owner's assignment: studentA and the class's instructor only.
      probes: [{ url: `/attempts/${w.attemptId}`, expect: only(['studentA', 'owner']), mayShowKeys: ['studentA', 'owner'] }],
      fuzz: (bad) => `/attempts/${bad}`,
    },
    '/teach': { probes: [{ url: '/teach', expect: only(INSTRUCTORS) }] },
    '/teach/cases': { probes: [{ url: '/teach/cases', expect: only(INSTRUCTORS) }] },
    '/teach/cases/new': { probes: [{ url: '/teach/cases/new', expect: only(INSTRUCTORS) }] },
    '/teach/cases/[id]': {
      probes: [{ url: `/teach/cases/${c.id}`, expect: only(['owner']), mayShowKeys: ['owner'] }],
      fuzz: (bad) => `/teach/cases/${bad}`,
    },
    '/teach/cases/[id]/questions/[questionId]': {
      probes: [{ url: `/teach/cases/${c.id}/questions/${c.questionId}`, expect: only(['owner']), mayShowKeys: ['owner'] }],
      fuzz: (bad) => `/teach/cases/${c.id}/questions/${bad}`,
    },
    '/teach/cases/[id]/questions/new': {
      probes: [{ url: `/teach/cases/${c.id}/questions/new?lesson=${c.lessonId}`, expect: only(['owner']) }],
      fuzz: (bad) => `/teach/cases/${c.id}/questions/new?lesson=${bad}`,
    },
    '/teach/cases/[id]/questions/import': {
      probes: [{ url: `/teach/cases/${c.id}/questions/import?lesson=${c.lessonId}`, expect: only(['owner']) }],
      fuzz: (bad) => `/teach/cases/${c.id}/questions/import?lesson=${bad}`,
    },
    // Downloads carry the keys: instructors only, the owner's own and (once shared) the library's.
    '/teach/cases/[id]/export': {
      probes: [
        { url: `/teach/cases/${c.id}/export?format=gift`, expect: only(exporters), mayShowKeys: exporters },
        { url: `/teach/cases/${c.id}/export?format=moodle&lesson=${c.lessonId}`, expect: only(exporters), mayShowKeys: exporters },
      ],
      fuzz: (bad) => `/teach/cases/${bad}/export?format=gift`,
    },
    '/teach/classes': { probes: [{ url: '/teach/classes', expect: only(INSTRUCTORS) }] },
    '/teach/classes/[id]': {
      probes: [{ url: `/teach/classes/${w.classId}`, expect: only(['owner']) }],
      fuzz: (bad) => `/teach/classes/${bad}`,
    },
    '/teach/classes/[id]/assignments/[assignmentId]': {
      probes: [{ url: `/teach/classes/${w.classId}/assignments/${w.assignmentId}`, expect: only(['owner']) }],
      fuzz: (bad) => `/teach/classes/${w.classId}/assignments/${bad}`,
    },
    '/teach/classes/[id]/students/[studentId]': {
      probes: [{ url: `/teach/classes/${w.classId}/students/${userIds.get('studentA')}`, expect: only(['owner']) }],
      fuzz: (bad) => `/teach/classes/${w.classId}/students/${bad}`,
    },
    '/teach/classes/[id]/gradebook.csv': {
      probes: [{ url: `/teach/classes/${w.classId}/gradebook.csv`, expect: only(['owner']) }],
      fuzz: (bad) => `/teach/classes/${bad}/gradebook.csv`,
    },
    '/teach/analysis/[lessonId]': {
      probes: [{ url: `/teach/analysis/${c.lessonId}`, expect: only(['owner']), mayShowKeys: ['owner'] }],
      fuzz: (bad) => `/teach/analysis/${bad}`,
    },
    '/admin': { probes: [{ url: '/admin', expect: only(['admin']) }] },
    '/api/health': { probes: [{ url: '/api/health', expect: all('ok') }] },
    '/api/auth/[...nextauth]': {
      // Only the session read is served; Auth.js's own sign-in endpoints are closed to everyone.
      probes: [
        { url: '/api/auth/session', expect: all('ok') },
        { url: '/api/auth/csrf', expect: all('missing') },
        { url: '/api/auth/providers', expect: all('missing') },
        { method: 'POST', url: '/api/auth/callback/credentials', expect: all('missing') },
      ],
    },
  };
}

/**
 * An RSC payload is sent with 200 whatever happens while it streams: a notFound() or redirect() in
 * the page travels inside it, as the error digest the router acts on.
 */
function classifyRsc(status: number, body: string): Outcome | string {
  if (status !== 200) return `${status}`;
  const redirect = /NEXT_REDIRECT;(?:replace|push);([^;"]*);/.exec(body)?.[1];
  if (redirect !== undefined)
    return /^\/login(\?|$)/.test(redirect) ? 'login' : redirect === '/dashboard' ? 'dashboard' : `redirect ${redirect}`;
  if (body.includes('NEXT_HTTP_ERROR_FALLBACK;404')) return 'missing';
  return 'ok';
}

function classify(response: APIResponse): Outcome | string {
  const status = response.status();
  const location = response.headers()['location'] ?? '';
  if (status === 200) return 'ok';
  if (status === 404) return 'missing';
  if (status >= 300 && status < 400 && /^(https?:\/\/[^/]+)?\/login(\?|$)/.test(location)) return 'login';
  if (status >= 300 && status < 400 && /^(https?:\/\/[^/]+)?\/dashboard$/.test(location)) return 'dashboard';
  return `${status} ${location}`.trim();
}

// ---------------------------------------------------------------------------------------------
// Server actions: read from the build, called the way React calls them (multipart, Next-Action).

interface BuiltAction {
  id: string;
  /** A page whose bundle holds the action, to post to. */
  workers: string[];
}

function builtActions(): Map<string, BuiltAction> {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return new Map(
    Object.entries(manifest.node).map(([id, a]) => [`${a.filename}#${a.exportedName}`, { id, workers: Object.keys(a.workers) }]),
  );
}

/** "app/(teach)/teach/classes/[id]/page" → "/teach/classes/<id>", filled from the world. */
function workerUrl(worker: string, w: World): string {
  const route =
    worker
      .replace(/^app/, '')
      .replace(/\/page$/, '')
      .replace(/\/\([^)]*\)/g, '') || '/';
  // While the world is being built some ids are not known yet: the action runs before the page would.
  const c = w.sentinelCase;
  const fill: Record<string, string | undefined> = {
    '[slug]': c?.slug,
    '[lesson]': c?.lessonSlug,
    '[questionId]': c?.questionId,
    '[lessonId]': c?.lessonId,
    '[assignmentId]': w.assignmentId,
    '[studentId]': userIds.get('studentA'),
    '[id]': route.startsWith('/teach/classes') ? w.classId : route.startsWith('/attempts') ? w.attemptId : c?.id,
  };
  return route.replace(/\[[^\]]+\]/g, (s) => fill[s] ?? 'pending');
}

interface ActionCall {
  status: number;
  body: string;
  redirect: string;
}

async function callAction(actor: Actor, name: string, fields: Record<string, string>): Promise<ActionCall> {
  const action = builtActions().get(name);
  if (!action) throw new Error(`${name} is not in the build`);
  // A page without dynamic segments when there is one; any page holding the action otherwise.
  const worker = [...action.workers].sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0))[0]!;
  // React's encodeReply of (previousState, formData): the form as "_1_…" parts, then the arguments
  // as part 0, last (the server resolves the form when it reads part 0, from the parts before it).
  // A FormData, not an object: an object would put the integer-like key "0" first.
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(`_1_${k}`, v);
  multipart.append('0', JSON.stringify([{ status: 'idle' }, '$K1']));
  const response = await actor.request.post(workerUrl(worker, world), {
    headers: { 'next-action': action.id, accept: 'text/x-component', origin: baseURL, 'x-forwarded-for': actor.address },
    multipart,
    maxRedirects: 0,
  });
  // A page the proxy keeps for signed-in visitors (/account, /join) sends the anonymous caller to
  // sign in before the action runs: refused just the same, as a plain redirect.
  const location = response.status() >= 300 && response.status() < 400 ? (response.headers()['location'] ?? '') : '';
  const bounced = location ? `${new URL(location, baseURL).pathname}${new URL(location, baseURL).search}` : '';
  return { status: response.status(), body: await response.text(), redirect: response.headers()['x-action-redirect'] ?? bounced };
}

/** Every row of every table that a request could change, hashed per table (the throttle aside). */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await sql<{ tablename: string }[]>`
    select tablename from pg_tables where schemaname = 'public' and tablename not in ('auth_throttle', 'sign_up_throttle')`;
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await sql.unsafe(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${tablename}" t`);
    out[tablename] = row!.h as string;
  }
  return out;
}

interface ActionEntry {
  /** The form a legitimate caller would send (ids of the owner's objects). */
  fields: (w: World) => Record<string, string>;
  /** Who must not be able to change anything with it. */
  denied: Identity[];
  /** Who may, and is not called here (calling would only change their own things), with why. */
  allowed: Partial<Record<Identity, string>>;
  /** A legitimate caller whose identical call must change the database: proves the forged call works. */
  control?: Identity;
  /** Put back what the control changed, so later checks see the world as it was. */
  undo?: (w: World) => Promise<void>;
  /** Puts the world in the state the action changes (a published draft to unpublish), before any call. */
  before?: (w: World) => Promise<void>;
}

const EVERYONE_BUT = (...allowed: Identity[]) => IDENTITIES.filter((i) => !allowed.includes(i));

const ACTIONS: Record<string, ActionEntry> = {
  'app/(auth)/actions.ts#signUpAction': {
    // The web never makes an administrator: a forged role is refused with a message.
    fields: () => ({ name: 'Mallory', email: uniqueEmail('forged-admin'), password: 'forged-admin-password', role: 'admin' }),
    denied: [...IDENTITIES],
    allowed: {},
  },
  'app/(auth)/actions.ts#signInAction': {
    fields: (w) => ({ email: w.actors.owner.email, password: 'not-the-password' }),
    denied: [...IDENTITIES],
    allowed: {},
  },
  'app/(auth)/actions.ts#signOutAction': {
    fields: () => ({}),
    denied: ['anonymous'],
    allowed: Object.fromEntries(SIGNED_IN.map((i) => [i, 'ends only the caller’s own sessions'])),
  },
  'app/(auth)/actions.ts#forgotPasswordAction': {
    fields: (w) => ({ email: w.actors.owner.email }),
    denied: [],
    allowed: Object.fromEntries(
      IDENTITIES.map((i) => [i, 'public on purpose: the link goes to the account’s own mailbox, never to the caller']),
    ),
  },
  'app/(auth)/actions.ts#resetPasswordAction': {
    // A made-up token: nobody sets anyone's password without the mailed link.
    fields: () => ({ token: randomBytes(32).toString('base64url'), password: 'forged-reset-password' }),
    denied: [...IDENTITIES],
    allowed: {},
  },
  'app/account/actions.ts#changeNameAction': {
    fields: () => ({ name: 'Renamed by someone' }),
    denied: ['anonymous'],
    allowed: Object.fromEntries(['studentA', 'owner', 'rival', 'admin'].map((i) => [i, 'renames only the caller'])),
    control: 'studentB',
    undo: async (w) => {
      await sql`update users set name = 'Matrix studentB' where email = ${w.actors.studentB.email}`;
    },
  },
  'app/account/actions.ts#changePasswordAction': {
    // Without the current password a session alone changes nothing.
    fields: () => ({ currentPassword: 'not-the-password', newPassword: 'forged-new-password' }),
    denied: [...IDENTITIES],
    allowed: {},
  },
  'app/account/actions.ts#deleteAccountAction': {
    fields: () => ({ password: 'not-the-password', confirm: 'yes' }),
    denied: [...IDENTITIES],
    allowed: {},
  },
  'app/(learn)/actions.ts#submitQuizAction': {
    fields: (w) => ({
      lessonId: w.sentinelCase.lessonId,
      submissionKey: randomUUID(),
      [`q.${w.sentinelCase.questionId}`]: 'a guess',
    }),
    denied: ['anonymous', 'studentB', 'rival'],
    allowed: { owner: 'the author may take their own quiz', admin: 'an administrator may take any published import' },
    control: 'studentA',
  },
  'app/(learn)/review-actions.ts#submitReviewAction': {
    // Only the caller's own cards can be reviewed: studentA has one for the sentinel question (the
    // quiz submit above made it); nobody else has, so the same forged round grades nothing for them.
    fields: (w) => ({ roundKey: randomUUID(), question: w.sentinelCase.questionId, [`q.${w.sentinelCase.questionId}`]: 'a guess' }),
    denied: EVERYONE_BUT('studentA'),
    allowed: {},
    control: 'studentA',
  },
  'app/account/actions.ts#saveRetentionAction': {
    fields: () => ({ retention: '0.8' }),
    denied: ['anonymous'],
    allowed: {
      studentB: 'sets only their own target',
      owner: 'sets only their own target',
      rival: 'sets only their own target',
      admin: 'sets only their own target',
    },
    control: 'studentA',
    undo: async (w) => {
      await sql`update users set desired_retention = 0.9 where email = ${w.actors.studentA.email}`;
    },
  },
  'app/(learn)/actions.ts#saveDraftAction': {
    fields: (w) => ({ lessonId: w.sentinelCase.lessonId, [`q.${w.written.questionId}`]: 'a draft' }),
    denied: ['anonymous', 'studentB', 'rival'],
    allowed: { owner: 'keeps a draft of their own quiz', admin: 'an administrator may take any published import' },
    control: 'studentA',
  },
  'app/(learn)/actions.ts#joinClassAction': {
    fields: (w) => ({ code: w.spareClass.code }),
    denied: ['anonymous', 'owner'],
    allowed: { studentA: 'joining is what a code is for', studentB: 'already a member', admin: 'joining is what a code is for' },
    control: 'rival',
    undo: async (w) => {
      await sql`delete from class_members where class_id = ${w.spareClass.id} and user_id = (select id from users where email = ${w.actors.rival.email})`;
    },
  },
  'app/(teach)/case-actions.ts#importCaseAction': {
    fields: () => ({ intent: 'save', text: nordlys(`forged ${randomBytes(4).toString('hex')}`) }),
    denied: ['anonymous', 'studentA', 'studentB', 'admin'],
    allowed: { owner: 'imports into their own drafts' },
    control: 'rival',
  },
  'app/(teach)/case-actions.ts#publishCaseAction': {
    fields: (w) => ({ caseStudyId: w.draft.id }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
    undo: async (w) => {
      await sql`update case_studies set status = 'draft' where id = ${w.draft.id}`;
    },
  },
  'app/(teach)/case-actions.ts#toggleQuestionAction': {
    fields: (w) => ({ questionId: w.draft.questionId, enabled: 'false' }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
  },
  'app/(teach)/case-actions.ts#saveQuestionAction': {
    fields: (w) => ({
      questionId: w.draft.questionId,
      caseStudyId: w.draft.id,
      type: 'fill_blank',
      prompt: 'Rewritten by someone: ____?',
      lines: 'forged',
      explanation: 'forged',
      source: 'forged',
    }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
  },
  'app/(teach)/case-actions.ts#addQuestionAction': {
    fields: (w) => ({
      lessonId: w.draft.lessonId,
      type: 'fill_blank',
      prompt: 'Added by someone: ____?',
      lines: 'forged',
      explanation: 'forged',
      source: 'forged',
    }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
  },
  'app/(teach)/question-import-actions.ts#importQuestionsAction': {
    fields: (w) => ({ lessonId: w.draft.lessonId, intent: 'save', fileName: 'forged.gift', text: 'Added by someone? {TRUE}' }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
  },
  'app/(teach)/class-actions.ts#createClassAction': {
    fields: () => ({ name: 'Forged class' }),
    denied: ['anonymous', 'studentA', 'studentB', 'admin'],
    allowed: { owner: 'creates a class of their own' },
    control: 'rival',
  },
  'app/(teach)/class-actions.ts#regenerateCodeAction': {
    fields: (w) => ({ classId: w.classId }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
  },
  'app/(teach)/assignment-actions.ts#setExtensionAction': {
    // Before removeStudentAction takes studentB out of the spare class; the remove-extension entry below removes it.
    fields: (w) => ({ assignmentId: w.spareAssignment.id, studentId: idOf(w, 'studentB'), extraAttempts: '1' }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
  },
  'app/(teach)/assignment-actions.ts#removeExtensionAction': {
    fields: (w) => ({ assignmentId: w.spareAssignment.id, studentId: idOf(w, 'studentB') }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
  },
  'app/(teach)/class-actions.ts#removeStudentAction': {
    fields: (w) => ({ classId: w.spareClass.id, studentId: idOf(w, 'studentB') }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
  },
  'app/(teach)/class-actions.ts#assignAction': {
    fields: (w) => ({ classId: w.spareClass.id, target: `lesson:${w.shippedLessonId}`, dueAt: '2099-01-01' }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
  },
  'app/(teach)/case-actions.ts#unpublishCaseAction': {
    fields: (w) => ({ caseStudyId: w.draft.id }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
    before: async (w) => {
      await sql`update case_studies set status = 'published' where id = ${w.draft.id}`;
    },
  },
  'app/(teach)/case-actions.ts#archiveCaseAction': {
    fields: (w) => ({ caseStudyId: w.draft.id }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
    undo: async (w) => {
      await sql`update case_studies set archived_at = null where id = ${w.draft.id}`;
    },
  },
  'app/(teach)/case-actions.ts#restoreCaseAction': {
    fields: (w) => ({ caseStudyId: w.draft.id }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
    before: async (w) => {
      await sql`update case_studies set archived_at = now() where id = ${w.draft.id}`;
    },
  },
  'app/(teach)/case-actions.ts#deleteCaseAction': {
    // The sentinel case has an attempt: the owner's delete archives it instead, and nothing is lost.
    fields: (w) => ({ caseStudyId: w.sentinelCase.id }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
    undo: async (w) => {
      const [kept] = await sql<{ n: number }[]>`select count(*)::int as n from attempts where id = ${w.attemptId}`;
      expect(kept!.n, 'the attempt outlives a delete').toBe(1);
      await sql`update case_studies set archived_at = null where id = ${w.sentinelCase.id}`;
    },
  },
  'app/(teach)/assignment-actions.ts#updateAssignmentAction': {
    fields: (w) => ({
      assignmentId: w.spareAssignment.id,
      dueAt: '2099-02-01T10:00',
      timeZone: 'Europe/Berlin',
      attemptsAllowed: '2',
      answersShown: 'after_attempt',
      scoreRule: 'highest',
    }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
  },
  'app/(teach)/grading-actions.ts#gradeAnswerAction': {
    fields: (w) => ({ answerId: w.written.answerId, 'points.0': '1', comment: 'Graded by someone' }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
  },
  'app/(teach)/assignment-actions.ts#removeAssignmentAction': {
    fields: (w) => ({ assignmentId: w.spareAssignment.id }),
    denied: EVERYONE_BUT('owner'),
    allowed: {},
    control: 'owner',
    undo: async (w) => {
      await sql`insert into assignments (id, class_id, lesson_id, due_at)
        values (${w.spareAssignment.id}, ${w.spareClass.id}, ${w.spareAssignment.lessonId}, '2099-01-01T23:59:00Z')`;
    },
  },
  'app/admin/actions.ts#setSharedAction': {
    fields: (w) => ({ caseStudyId: w.sentinelCase.id, shared: 'true' }),
    denied: EVERYONE_BUT('admin'),
    allowed: {},
    control: 'admin',
    undo: async (w) => {
      await sql`update case_studies set shared = false where id = ${w.sentinelCase.id}`;
    },
  },
};

/** The Nordlys fixture under a title of its own, so that repeated runs never run out of addresses. */
const nordlys = (tag: string) =>
  readFileSync('test/fixtures/nordlys-ferries.md', 'utf8').replace(/^Nordlys Ferries: /m, `Nordlys Ferries ${tag}: `);

const userIds = new Map<Identity, string>();
const idOf = (_w: World, who: Identity) => userIds.get(who)!;

// ---------------------------------------------------------------------------------------------
// The world: six identities, an import with sentinels, a class, an attempt.

async function newActor(browser: Browser, name: Identity, role: 'Student' | 'Instructor'): Promise<Actor> {
  const context = await browser.newContext({ baseURL });
  const address = uniqueAddress();
  const email = uniqueEmail(`matrix-${name.toLowerCase()}`);
  if (name !== 'anonymous') {
    const page = await context.newPage();
    await new AuthPages(page).signUp({ name: `Matrix ${name}`, email, password, role });
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.close();
  }
  return { name, context, request: context.request, address, email };
}

const redirectTarget = (call: ActionCall) => call.redirect.split(';')[0] ?? '';

async function buildWorld(browser: Browser): Promise<World> {
  const actors = {
    anonymous: await newActor(browser, 'anonymous', 'Student'),
    studentA: await newActor(browser, 'studentA', 'Student'),
    studentB: await newActor(browser, 'studentB', 'Student'),
    owner: await newActor(browser, 'owner', 'Instructor'),
    rival: await newActor(browser, 'rival', 'Instructor'),
    admin: await newActor(browser, 'admin', 'Student'),
  } satisfies Record<Identity, Actor>;
  for (const who of SIGNED_IN) {
    const [row] = await sql<{ id: string }[]>`select id from users where email = ${actors[who].email}`;
    userIds.set(who, row!.id);
  }

  // The administrator is made on the command line; their open session ends with the change.
  const promoted = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['scripts/user-role.ts', actors.admin.email, 'admin'], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: postgresUrl },
  });
  expect(promoted.stderr).toBe('');
  expect(promoted.stdout).toContain('now admin');
  expect(classify(await actors.admin.request.get('/admin', { maxRedirects: 0 }))).toBe('login');
  const adminPage = await actors.admin.context.newPage();
  await new AuthPages(adminPage).signIn(actors.admin.email, password);
  await expect(adminPage).toHaveURL(/\/dashboard$/);
  await expect(adminPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toBeVisible();
  await adminPage.close();

  const partial = { actors } as World;
  world = partial;
  const tag = randomBytes(6).toString('hex');
  const sentinels = [`zqkey${tag}`, `zqexplain${tag}`, `zqsource${tag}`, `zqalt${tag}`];

  // The owner imports and publishes an article, then adds a question of their own whose accepted
  // answers, explanation and source are sentinels.
  const article = readFileSync('test/fixtures/harbor-coffee.md', 'utf8').replace(/^# .*$/m, `# Harbor Coffee matrix ${tag}`);
  const imported = await callAction(actors.owner, 'app/(teach)/case-actions.ts#importCaseAction', { intent: 'save', text: article });
  const caseId = /\/teach\/cases\/([0-9a-f-]{36})/.exec(imported.redirect)?.[1];
  expect(caseId, `import: ${imported.status} ${imported.body.slice(0, 300)}`).toBeDefined();
  const [lesson] = await sql<{ id: string; slug: string; caseSlug: string }[]>`
    select l.id, l.slug, c.slug as "caseSlug" from lessons l join case_studies c on c.id = l.case_study_id
    where c.id = ${caseId!} and l.retired_at is null order by l.position limit 1`;
  const added = await callAction(actors.owner, 'app/(teach)/case-actions.ts#addQuestionAction', {
    lessonId: lesson!.id,
    type: 'fill_blank',
    prompt: 'Which word did the founders whisper? ____',
    lines: `${sentinels[0]}\n${sentinels[3]}`,
    explanation: `Because ${sentinels[1]}.`,
    source: `The founders whispered ${sentinels[2]}.`,
  });
  const questionId = /saved=([0-9a-f-]{36})/.exec(added.redirect)?.[1];
  expect(questionId, `add question: ${added.body.slice(0, 300)}`).toBeDefined();
  // And an open-response question whose model answer is a sentinel too (never shown before grading).
  const addedWritten = await callAction(actors.owner, 'app/(teach)/case-actions.ts#addQuestionAction', {
    lessonId: lesson!.id,
    type: 'open_response',
    prompt: 'Why did the founders whisper?',
    modelAnswer: `They whispered ${sentinels[0]}.`,
    'criterion.0': 'Gives the reason',
    'criterionPoints.0': '2',
  });
  const writtenQuestionId = /saved=([0-9a-f-]{36})/.exec(addedWritten.redirect)?.[1];
  expect(writtenQuestionId, `add written question: ${addedWritten.body.slice(0, 300)}`).toBeDefined();
  expect(
    redirectTarget(await callAction(actors.owner, 'app/(teach)/case-actions.ts#publishCaseAction', { caseStudyId: caseId! })),
  ).toContain('published=1');

  // The owner's class, with the case assigned; studentA joins it.
  const created = await callAction(actors.owner, 'app/(teach)/class-actions.ts#createClassAction', { name: `Matrix class ${tag}` });
  const classId = /\/teach\/classes\/([0-9a-f-]{36})/.exec(created.redirect)?.[1];
  expect(classId, `class: ${created.body.slice(0, 300)}`).toBeDefined();
  const assigned = await callAction(actors.owner, 'app/(teach)/class-actions.ts#assignAction', {
    classId: classId!,
    target: `case:${caseId}`,
    dueAt: '2099-01-01',
  });
  expect(assigned.body).toContain('lessons assigned');
  const [cls] = await sql<{ joinCode: string }[]>`select join_code as "joinCode" from classes where id = ${classId!}`;
  expect(redirectTarget(await callAction(actors.studentA, 'app/(learn)/actions.ts#joinClassAction', { code: cls!.joinCode }))).toContain(
    '/dashboard?joined=',
  );
  const [assignment] = await sql<{ id: string }[]>`select id from assignments where class_id = ${classId!} and lesson_id = ${lesson!.id}`;

  // A spare class of the owner's, with studentB in it and nothing assigned: a target for the
  // class actions that does not change who sees the sentinel case.
  const spare = await callAction(actors.owner, 'app/(teach)/class-actions.ts#createClassAction', { name: `Spare class ${tag}` });
  const spareId = /\/teach\/classes\/([0-9a-f-]{36})/.exec(spare.redirect)![1]!;
  const [spareRow] = await sql<{ joinCode: string }[]>`select join_code as "joinCode" from classes where id = ${spareId}`;
  await callAction(actors.studentB, 'app/(learn)/actions.ts#joinClassAction', { code: spareRow!.joinCode });

  // A second import of the owner's, left as a draft: what the authoring actions are aimed at.
  const draftImport = await callAction(actors.owner, 'app/(teach)/case-actions.ts#importCaseAction', {
    intent: 'save',
    text: nordlys(`matrix ${tag}`),
  });
  const draftId = /\/teach\/cases\/([0-9a-f-]{36})/.exec(draftImport.redirect)![1]!;
  const [draftLesson] = await sql<{ id: string }[]>`
    select id from lessons where case_study_id = ${draftId} and retired_at is null order by position limit 1`;
  // A fill-in question of the owner's own in the draft: the one the question actions are aimed at.
  const draftAdded = await callAction(actors.owner, 'app/(teach)/case-actions.ts#addQuestionAction', {
    lessonId: draftLesson!.id,
    type: 'fill_blank',
    prompt: 'Which fjord did the ferries cross? ____',
    lines: 'Nordfjord',
    explanation: 'The article names it.',
    source: 'The ferries crossed Nordfjord.',
  });
  const draftQuestionId = /saved=([0-9a-f-]{36})/.exec(draftAdded.redirect)![1]!;
  const [shipped, secondShipped] = await sql<{ id: string }[]>`
    select l.id from lessons l join case_studies c on c.id = l.case_study_id where c.owner_id is null order by l.position limit 2`;
  // Another shipped lesson assigned to the spare class (the assign entry assigns the first one).
  await callAction(actors.owner, 'app/(teach)/class-actions.ts#assignAction', {
    classId: spareId,
    target: `lesson:${secondShipped!.id}`,
    dueAt: '2099-01-01',
  });
  const [spareAssignment] = await sql<{ id: string }[]>`
    select id from assignments where class_id = ${spareId} and lesson_id = ${secondShipped!.id}`;
  expect(spareAssignment, 'the spare assignment').toBeDefined();

  Object.assign(partial, {
    sentinels,
    sentinelCase: {
      id: caseId!,
      slug: lesson!.caseSlug,
      title: `Harbor Coffee matrix ${tag}`,
      lessonId: lesson!.id,
      lessonSlug: lesson!.slug,
      questionId: questionId!,
    },
    draft: { id: draftId, lessonId: draftLesson!.id, questionId: draftQuestionId },
    classId: classId!,
    assignmentId: assignment!.id,
    spareClass: { id: spareId, code: spareRow!.joinCode },
    spareAssignment: { id: spareAssignment!.id, lessonId: secondShipped!.id },
    shippedLessonId: shipped!.id,
  });

  // studentA takes the assigned quiz once.
  const submitted = await callAction(actors.studentA, 'app/(learn)/actions.ts#submitQuizAction', {
    lessonId: lesson!.id,
    submissionKey: randomUUID(),
    assignmentId: assignment!.id,
    [`q.${questionId}`]: 'a guess',
    [`q.${writtenQuestionId}`]: 'A written guess',
  });
  const attemptId = /\/attempts\/([0-9a-f-]{36})/.exec(submitted.redirect)?.[1];
  expect(attemptId, `submit: ${submitted.body.slice(0, 300)}`).toBeDefined();
  partial.attemptId = attemptId!;
  const [writtenAnswer] = await sql<{ id: string }[]>`
    select id from answers where attempt_id = ${attemptId!} and question_id = ${writtenQuestionId!}`;
  partial.written = { questionId: writtenQuestionId!, answerId: writtenAnswer!.id };
  return partial;
}

// ---------------------------------------------------------------------------------------------

// Tagged @postgres-only: it reads and diffs the server's PostgreSQL database and makes the
// administrator with the CLI; playwright.config.ts schedules it only in the PostgreSQL project.
test.describe('the access-control matrix on PostgreSQL', { tag: '@postgres-only' }, () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(180_000);
    baseURL = testInfo.project.use.baseURL!;
    sql = postgres(postgresUrl!, { max: 2, onnotice: () => {} });
    world = await buildWorld(browser);
  });
  test.afterAll(async () => {
    // Whatever failed, the sentinel import leaves the shared library: other specs assign lessons by title.
    if (world?.sentinelCase) await sql`update case_studies set shared = false where id = ${world.sentinelCase.id}`;
    for (const actor of Object.values(world?.actors ?? {})) await actor.context.close();
    await sql?.end();
  });

  test('every page and route handler in app/ has an entry in the matrix, and every entry a route', () => {
    expect(new Set(Object.keys(routeTable(world, 'private')))).toEqual(new Set(appRoutes()));
  });

  test('every server action in the build has an entry, and every entry an action', () => {
    expect(new Set(Object.keys(ACTIONS))).toEqual(new Set(builtActions().keys()));
    for (const [name, entry] of Object.entries(ACTIONS)) {
      const covered = [...entry.denied, ...Object.keys(entry.allowed), ...(entry.control ? [entry.control] : [])];
      expect(new Set(covered), `${name} names every identity`).toEqual(new Set(IDENTITIES));
    }
  });

  /** Every probe as every identity, as a page and as an RSC payload; the sentinels nowhere they should not be. */
  async function checkPages(phase: Phase) {
    const table = routeTable(world, phase);
    let checked = 0;
    let keysSeen = 0;
    for (const [route, { probes, fuzz }] of Object.entries(table)) {
      const requests = [...probes];
      if (fuzz)
        for (const bad of FUZZ())
          requests.push({
            url: fuzz(bad),
            expect: Object.fromEntries(IDENTITIES.map((i) => [i, i === 'anonymous' ? 'login' : 'missing'])) as Record<Identity, Outcome>,
          });
      for (const probe of requests)
        for (const who of IDENTITIES)
          for (const rsc of [false, true]) {
            const actor = world.actors[who];
            const headers: Record<string, string> = { 'x-forwarded-for': actor.address, ...(rsc ? { rsc: '1' } : {}) };
            let response =
              probe.method === 'POST'
                ? await actor.request.post(probe.url, { headers, maxRedirects: 0, data: {} })
                : await actor.request.get(probe.url, { headers, maxRedirects: 0 });
            // An RSC request first gets its cache-busting ?_rsc= parameter, as the router sends it.
            const busted = response.headers()['location'];
            if (rsc && response.status() === 307 && busted && /[?&]_rsc(=|&|$)/.test(busted))
              response = await actor.request.get(busted, { headers, maxRedirects: 0 });
            const label = `${phase}: ${who} ${probe.method ?? 'GET'} ${probe.url.slice(0, 120)}${rsc ? ' (RSC)' : ''} [${route}]`;
            expect(response.status(), label).toBeLessThan(500);
            const body = await response.text();
            const outcome =
              rsc && response.headers()['content-type']?.startsWith('text/x-component')
                ? classifyRsc(response.status(), body)
                : classify(response);
            expect.soft(outcome, label).toBe(probe.expect[who]);
            const leaked = world.sentinels.filter((s) => body.includes(s));
            if (probe.mayShowKeys?.includes(who) && outcome === 'ok') keysSeen += leaked.length ? 1 : 0;
            else expect.soft(leaked, `${label} carries an answer key, explanation or source`).toEqual([]);
            checked += 1;
          }
    }
    return { checked, keysSeen };
  }

  test('private import: each identity opens exactly what it may, and no answer key leaks', async () => {
    test.setTimeout(300_000);
    const { checked, keysSeen } = await checkPages('private');
    expect(checked).toBeGreaterThan(500);
    // The sentinels are real: the owner's editor and the graded attempt show them.
    expect(keysSeen).toBeGreaterThanOrEqual(3);
  });

  test('forged server-action calls: unauthorized identities change nothing, the legitimate caller does', async () => {
    test.setTimeout(300_000);
    for (const [name, entry] of Object.entries(ACTIONS)) {
      await entry.before?.(world);
      const fields = entry.fields(world);
      for (const who of entry.denied) {
        const before = await snapshot();
        const call = await callAction(world.actors[who], name, fields);
        const label = `${who} → ${name}`;
        expect(call.status, label).toBeLessThan(500);
        expect(await snapshot(), `${label} changed the database`).toEqual(before);
        expect(
          world.sentinels.filter((s) => call.body.includes(s)),
          `${label} response`,
        ).toEqual([]);
        // Refused in words or sent to sign in; never a success.
        expect(
          call.body.includes('"status":"error"') || redirectTarget(call).startsWith('/login'),
          `${label}: ${call.body.slice(0, 200)}`,
        ).toBe(true);
      }
      if (entry.control) {
        const before = await snapshot();
        const call = await callAction(world.actors[entry.control], name, fields);
        expect(call.status).toBeLessThan(500);
        expect(await snapshot(), `${entry.control} → ${name} (the control) changed nothing: ${call.body.slice(0, 300)}`).not.toEqual(
          before,
        );
        await entry.undo?.(world);
      }
    }
  });

  test('shared library: once the administrator promotes the import everyone reads it, still without keys; removed, it is private again', async () => {
    test.setTimeout(300_000);
    const admin = await world.actors.admin.context.newPage();
    await admin.goto('/admin');
    const row = admin.getByRole('listitem').filter({ hasText: world.sentinelCase.title });
    await row.getByRole('button', { name: 'Promote to shared library' }).click();
    await expect(admin.getByRole('main').getByRole('status')).toContainText('is in the shared library');
    const { keysSeen } = await checkPages('shared');
    expect(keysSeen).toBeGreaterThanOrEqual(3);

    await admin.reload();
    await row.getByRole('button', { name: 'Remove from shared library' }).click();
    await expect(admin.getByRole('main').getByRole('status')).toContainText('left the shared library');
    await admin.close();
    for (const who of ['studentB', 'rival'] as const)
      expect(classify(await world.actors[who].request.get(`/cases/${world.sentinelCase.slug}`, { maxRedirects: 0 })), who).toBe('missing');
    expect(classify(await world.actors.studentA.request.get(`/cases/${world.sentinelCase.slug}`, { maxRedirects: 0 }))).toBe('ok');
  });
});
