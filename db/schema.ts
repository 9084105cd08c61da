import {
  type AnyPgColumn,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { ContentBlock } from '@/lib/case-study/types';
import type { StoredAnswerKey, StoredQuestionData, StoredQuestionType, StoredResponse } from '@/lib/questions/kinds';

export const roleEnum = pgEnum('role', ['student', 'instructor', 'admin']);
export const caseStatusEnum = pgEnum('case_status', ['draft', 'published']);
export const questionTypeEnum = pgEnum('question_type', [
  'single_choice',
  'multiple_choice',
  'true_false',
  'fill_blank',
  'numeric',
  'ordering',
  'matching',
  'open_response',
]);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    // Stored lower-cased so "Ana@X.com" and "ana@x.com" are one account.
    email: text('email').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull().default('student'),
    // Carried in every session token; bumping it (sign-out, password or role change) ends all older sessions.
    sessionVersion: integer('session_version').notNull().default(1),
    // Spaced review: the chance of recalling a question when it comes due (FSRS's request_retention).
    desiredRetention: doublePrecision('desired_retention').notNull().default(0.9),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_desired_retention_range', sql`${t.desiredRetention} >= 0.7 and ${t.desiredRetention} <= 0.97`)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const caseStudies = pgTable('case_studies', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  source: text('source'),
  introduction: jsonb('introduction').$type<ContentBlock[]>().notNull(),
  conclusion: jsonb('conclusion').$type<ContentBlock[]>().notNull(),
  takeaways: jsonb('takeaways').$type<string[]>().notNull(),
  readingMinutes: integer('reading_minutes').notNull(),
  // Lets a re-import of an unchanged file be a no-op.
  contentHash: text('content_hash').notNull(),
  status: caseStatusEnum('status').notNull().default('draft'),
  ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
  // An administrator promoted this import into the shared library (shipped case studies have no owner).
  shared: boolean('shared').notNull().default(false),
  // Archived by its owner (or deleted while it had attempts): out of every library and assign list,
  // its attempts and assignments kept.
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Bumped by database triggers on any write to the case study, its lessons or their questions
  // (migration content_version_triggers), whoever writes: rendered content is cached per version.
  contentVersion: integer('content_version').notNull().default(1),
});
export type CaseStudyRow = typeof caseStudies.$inferSelect;
export type NewCaseStudyRow = typeof caseStudies.$inferInsert;

export const lessons = pgTable(
  'lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseStudyId: uuid('case_study_id')
      .notNull()
      .references(() => caseStudies.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    body: jsonb('body').$type<ContentBlock[]>().notNull(),
    keyPoints: jsonb('key_points').$type<string[]>().notNull(),
    // A lesson dropped by a re-import is retired, never deleted: attempts on it are progress.
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('lessons_case_slug_idx').on(t.caseStudyId, t.slug)],
);
export type LessonRow = typeof lessons.$inferSelect;
export type NewLessonRow = typeof lessons.$inferInsert;

export const questions = pgTable(
  'questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    type: questionTypeEnum('type').notNull(),
    prompt: text('prompt').notNull(),
    // Text shown just before the question, ungraded (a GIFT description, or the instructor's own lead-in).
    intro: text('intro'),
    // What the learner may see before submitting (options, shuffled items)...
    data: jsonb('data').$type<StoredQuestionData>().notNull(),
    // ...and what they may not: kept in its own column so no query can leak it by accident.
    answerKey: jsonb('answer_key').$type<StoredAnswerKey>().notNull(),
    explanation: text('explanation').notNull(),
    source: text('source').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    // Written by the instructor rather than the generator: a re-import never retires it.
    authored: boolean('authored').notNull().default(false),
    // Set when an instructor edits the question; a re-import keeps the edit (it matches on fingerprint).
    editedAt: timestamp('edited_at', { withTimezone: true }),
    // Identifies the generated question across re-imports (hash of what the generator wrote).
    fingerprint: text('fingerprint').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    index('questions_lesson_idx').on(t.lessonId, t.position),
    uniqueIndex('questions_lesson_fingerprint_idx').on(t.lessonId, t.fingerprint),
  ],
);
export type QuestionRow = typeof questions.$inferSelect;
export type NewQuestionRow = typeof questions.$inferInsert;
export type QuestionType = StoredQuestionType;

export const attempts = pgTable(
  'attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Null once the learner deleted their account: the attempt stays, anonymised, for the
    // question statistics; nothing links it to a person any more.
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    // The assignment this attempt was made for; null for practice. Only an assignment's own
    // attempts count toward it, under its rules. Set null if the assignment is removed.
    assignmentId: uuid('assignment_id').references((): AnyPgColumn => assignments.id, { onDelete: 'set null' }),
    // One per rendered quiz form: a double submit or a stale tab cannot grade twice.
    submissionKey: uuid('submission_key').notNull(),
    // The sum of the questions' credit: partial credit makes it a fraction (2.67 of 4).
    score: doublePrecision('score').notNull(),
    maxScore: integer('max_score').notNull(),
    // Seeds the draw, question order and option order the learner saw (lib/grading/arrange.ts);
    // null for attempts made before quizzes were shuffled, which saw the stored order.
    seed: integer('seed'),
    // A written answer is waiting for its instructor: the score holds the auto-graded part until then.
    gradingPending: boolean('grading_pending').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('attempts_user_submission_idx').on(t.userId, t.submissionKey),
    index('attempts_user_lesson_idx').on(t.userId, t.lessonId),
    index('attempts_assignment_user_idx').on(t.assignmentId, t.userId),
  ],
);
export type AttemptRow = typeof attempts.$inferSelect;
export type NewAttemptRow = typeof attempts.$inferInsert;

export const answers = pgTable(
  'answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    // In the question's stored option order, whatever order the learner saw.
    response: jsonb('response').$type<StoredResponse | null>(),
    // Share of the mark earned, 0…1; correct means the whole mark. A written answer's is the
    // share of its rubric points given, 0 until it is graded.
    credit: doublePrecision('credit').notNull().default(0),
    correct: boolean('correct').notNull(),
    // Where the question stood in the quiz as the learner saw it (0-based); null before shuffling.
    position: integer('position'),
    // A written answer's current grade: points per rubric criterion, the instructor's comment, when.
    rubricPoints: jsonb('rubric_points').$type<number[]>(),
    comment: text('comment'),
    gradedAt: timestamp('graded_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('answers_attempt_question_idx').on(t.attemptId, t.questionId)],
);
export type AnswerRow = typeof answers.$inferSelect;
export type NewAnswerRow = typeof answers.$inferInsert;

/** Every grading of a written answer, kept: a regrade adds a row, so who changed a grade and when stays known. */
export const answerGradings = pgTable(
  'answer_gradings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    answerId: uuid('answer_id')
      .notNull()
      .references(() => answers.id, { onDelete: 'cascade' }),
    graderId: uuid('grader_id').references(() => users.id, { onDelete: 'set null' }),
    rubricPoints: jsonb('rubric_points').$type<number[]>().notNull(),
    comment: text('comment').notNull(),
    gradedAt: timestamp('graded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('answer_gradings_answer_idx').on(t.answerId, t.gradedAt)],
);

/** A learner's written answers to a quiz, saved as they type and restored on reload; gone once they submit. */
export const quizDrafts = pgTable(
  'quiz_drafts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    /** Question id → the text typed so far. */
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.lessonId] })],
);

export const scoreRuleEnum = pgEnum('score_rule', ['highest', 'latest', 'first', 'average']);
export const answersShownEnum = pgEnum('answers_shown', ['after_attempt', 'after_due']);

/** An instructor's class. Students join with the join code (or a link carrying it). */
export const classes = pgTable(
  'classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    joinCode: text('join_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('classes_join_code_idx').on(t.joinCode), index('classes_owner_idx').on(t.ownerId)],
);
export type ClassRow = typeof classes.$inferSelect;

export const classMembers = pgTable(
  'class_members',
  {
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] }), index('class_members_user_idx').on(t.userId)],
);

/** A lesson's quiz (or every lesson of a case study) assigned to a class, with Moodle-like settings. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    classId: uuid('class_id')
      .notNull()
      .references(() => classes.id, { onDelete: 'cascade' }),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** null: unlimited. */
    attemptsAllowed: integer('attempts_allowed'),
    answersShown: answersShownEnum('answers_shown').notNull().default('after_attempt'),
    scoreRule: scoreRuleEnum('score_rule').notNull().default('highest'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assignments_class_lesson_idx').on(t.classId, t.lessonId)],
);
export type AssignmentRow = typeof assignments.$inferSelect;

/** One student's exception to an assignment: a later due date, extra attempts, or both. */
export const assignmentExtensions = pgTable(
  'assignment_extensions',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** null: the assignment's own due date. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    extraAttempts: integer('extra_attempts').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId] }), index('assignment_extensions_user_idx').on(t.userId)],
);
export type AssignmentExtensionRow = typeof assignmentExtensions.$inferSelect;

/**
 * Failed sign-ins (and sign-ups) counted per key, in the database so that the counts survive a
 * restart and hold across app instances. A key names what is counted: an account at an address,
 * an address, or an account everywhere.
 */
export const authThrottle = pgTable(
  'auth_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    // Growing delay: no attempt on this key is checked before this time.
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  },
  // Expired rows are found by their window's start and deleted a batch at a time on each write.
  (t) => [index('auth_throttle_window_idx').on(t.windowStartedAt)],
);
export type AuthThrottleRow = typeof authThrottle.$inferSelect;

/**
 * Spaced review: every question a learner has answered is a card of theirs, scheduled by FSRS
 * (ts-fsrs). The columns are ts-fsrs's Card; a wrong answer makes it due soon, a right one later.
 */
export const reviewCards = pgTable(
  'review_cards',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    due: timestamp('due', { withTimezone: true }).notNull(),
    stability: doublePrecision('stability').notNull(),
    difficulty: doublePrecision('difficulty').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
    state: integer('state').notNull(),
    lastReview: timestamp('last_review', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.questionId] }), index('review_cards_user_due_idx').on(t.userId, t.due)],
);
export type ReviewCardRow = typeof reviewCards.$inferSelect;

/**
 * One answer given on /review: kept apart from attempts, so review never counts toward an
 * assignment's limit or grade. A round is one submitted review form; its key makes a resubmit a no-op.
 */
export const reviewLogs = pgTable(
  'review_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    roundKey: uuid('round_key').notNull(),
    position: integer('position').notNull(),
    response: jsonb('response').$type<StoredResponse | null>(),
    credit: doublePrecision('credit').notNull(),
    /** ts-fsrs Rating given: 1 again, 3 good, 2 hard (partial credit). */
    rating: integer('rating').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_logs_user_round_question_idx').on(t.userId, t.roundKey, t.questionId)],
);

/**
 * A "forgot password" link. Only a SHA-256 of the token is stored: the token itself exists in the
 * mail alone, so a copy of this table opens no account. Single use and short-lived.
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_reset_tokens_user_idx').on(t.userId)],
);
export type PasswordResetTokenRow = typeof passwordResetTokens.$inferSelect;
