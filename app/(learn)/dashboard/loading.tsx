import { PageSkeleton } from '@/components/ui/page-skeleton';

// Only on pages that never answer 404 or redirect once rendering starts: a loading boundary sends
// the response's status before the page runs, so a notFound() below it would be a 200.
export default function DashboardLoading() {
  return <PageSkeleton label="your dashboard" />;
}
