import { ConfirmForm } from '@/components/ui/confirm-form';
import type { FormAction } from '@/lib/action-state';

/**
 * Publish, unpublish, archive or restore, and delete a case study, each confirmed in a dialog.
 * The actions arrive as props (components never import app/).
 */
export function CaseLifecycle({
  caseStudy,
  actions,
}: {
  caseStudy: { id: string; title: string; status: 'draft' | 'published'; archivedAt: Date | null };
  actions: Record<'publish' | 'unpublish' | 'archive' | 'restore' | 'remove', FormAction>;
}) {
  const id = <input type="hidden" name="caseStudyId" value={caseStudy.id} />;
  const archived = caseStudy.archivedAt !== null;
  return (
    <div className="flex flex-wrap items-start gap-2">
      {caseStudy.status === 'draft' ? (
        <ConfirmForm
          action={actions.publish}
          trigger="Publish"
          triggerVariant="primary"
          title={`Publish “${caseStudy.title}”?`}
          description="You can then assign its lessons to your classes, and their students can read it and take its quizzes. You can unpublish it later."
          confirm="Publish"
        >
          {id}
        </ConfirmForm>
      ) : (
        <ConfirmForm
          action={actions.unpublish}
          trigger="Unpublish"
          title={`Unpublish “${caseStudy.title}”?`}
          description="It becomes a draft again: learners can no longer open it and it cannot be assigned. Assignments and attempts are kept, and publishing it again brings it back."
          confirm="Unpublish"
        >
          {id}
        </ConfirmForm>
      )}
      {archived ? (
        <ConfirmForm
          action={actions.restore}
          trigger="Restore from archive"
          title={`Restore “${caseStudy.title}”?`}
          description="It comes back to your libraries and assign lists as it was."
          confirm="Restore"
        >
          {id}
        </ConfirmForm>
      ) : (
        <ConfirmForm
          action={actions.archive}
          trigger="Archive"
          title={`Archive “${caseStudy.title}”?`}
          description="It leaves every library and assign list. Its assignments stay in your gradebooks and every attempt is kept. You can restore it."
          confirm="Archive"
        >
          {id}
        </ConfirmForm>
      )}
      <ConfirmForm
        action={actions.remove}
        trigger="Delete"
        title={`Delete “${caseStudy.title}”?`}
        description="If nobody has attempted it, it is deleted with its lessons, questions and assignments, for good. If students have attempted it, it is archived instead and their attempts are kept."
        confirm="Delete"
        danger
      >
        {id}
      </ConfirmForm>
    </div>
  );
}
