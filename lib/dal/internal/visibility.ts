import { eq, or } from 'drizzle-orm';
import { caseStudies } from '@/db/schema';

/** The case studies a user may see: every published one, plus their own drafts. A where-clause, not a query. */
export const visibleTo = (user: { id: string }) => or(eq(caseStudies.status, 'published'), eq(caseStudies.ownerId, user.id));
