ALTER TYPE "public"."role" ADD VALUE 'admin';--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "assignment_id" uuid;--> statement-breakpoint
ALTER TABLE "case_studies" ADD COLUMN "shared" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "attempts" ADD CONSTRAINT "attempts_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attempts_assignment_user_idx" ON "attempts" USING btree ("assignment_id","user_id");--> statement-breakpoint
CREATE INDEX "auth_throttle_window_idx" ON "auth_throttle" USING btree ("window_started_at");--> statement-breakpoint
-- Backfill (issue 10): an attempt made before attempts carried their assignment is given to the
-- assignment it was made for when that can be told from the rows: the lesson was assigned to a
-- class the learner is in, and both the assignment and the learner's membership existed when the
-- attempt was submitted. With several such classes, the one the learner joined first (a class set
-- up later, as in the second-class trick, does not take over the first one's attempts). Only the
-- first attempts up to the assignment's limit are its own; the rest, and everything made before
-- the lesson was assigned, stay practice (assignment_id null), which counts for no class.
WITH "candidates" AS (
  SELECT "t"."id" AS "attempt_id", "t"."user_id", "t"."submitted_at", "a"."id" AS "assignment_id", "a"."attempts_allowed",
    row_number() OVER (PARTITION BY "t"."id" ORDER BY "m"."joined_at", "a"."created_at", "a"."id") AS "preference"
  FROM "attempts" "t"
  JOIN "assignments" "a" ON "a"."lesson_id" = "t"."lesson_id" AND "a"."created_at" <= "t"."submitted_at"
  JOIN "class_members" "m" ON "m"."class_id" = "a"."class_id" AND "m"."user_id" = "t"."user_id" AND "m"."joined_at" <= "t"."submitted_at"
  WHERE "t"."assignment_id" IS NULL
), "chosen" AS (
  SELECT "attempt_id", "assignment_id", "attempts_allowed",
    row_number() OVER (PARTITION BY "assignment_id", "user_id" ORDER BY "submitted_at", "attempt_id") AS "nth"
  FROM "candidates"
  WHERE "preference" = 1
)
UPDATE "attempts" SET "assignment_id" = "chosen"."assignment_id"
FROM "chosen"
WHERE "attempts"."id" = "chosen"."attempt_id" AND ("chosen"."attempts_allowed" IS NULL OR "chosen"."nth" <= "chosen"."attempts_allowed");
