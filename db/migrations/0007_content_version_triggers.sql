-- Whoever writes a case study, its lessons or their questions (an import, an instructor's edit,
-- a script), its content_version moves on, and content cached under the old version is not served
-- again (lib/dal/internal/content-cache.ts). In the database so that no writer can forget it.
CREATE OR REPLACE FUNCTION casewise_case_study_content_version() RETURNS trigger AS $$
BEGIN
  IF NEW.content_version = OLD.content_version THEN
    NEW.content_version := OLD.content_version + 1;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_studies_content_version BEFORE UPDATE ON case_studies
  FOR EACH ROW EXECUTE FUNCTION casewise_case_study_content_version();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION casewise_lesson_content_version() RETURNS trigger AS $$
BEGIN
  UPDATE case_studies SET content_version = content_version + 1
  WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.case_study_id ELSE NEW.case_study_id END;
  IF TG_OP = 'UPDATE' AND NEW.case_study_id IS DISTINCT FROM OLD.case_study_id THEN
    UPDATE case_studies SET content_version = content_version + 1 WHERE id = OLD.case_study_id;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER lessons_content_version AFTER INSERT OR UPDATE OR DELETE ON lessons
  FOR EACH ROW EXECUTE FUNCTION casewise_lesson_content_version();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION casewise_question_content_version() RETURNS trigger AS $$
BEGIN
  UPDATE case_studies SET content_version = content_version + 1
  WHERE id IN (
    SELECT l.case_study_id FROM lessons l
    WHERE l.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.lesson_id ELSE NEW.lesson_id END
       OR (TG_OP = 'UPDATE' AND l.id = OLD.lesson_id)
  );
  RETURN NULL;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER questions_content_version AFTER INSERT OR UPDATE OR DELETE ON questions
  FOR EACH ROW EXECUTE FUNCTION casewise_question_content_version();
