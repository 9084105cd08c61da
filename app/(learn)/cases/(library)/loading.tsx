import { PageSkeleton } from '@/components/ui/page-skeleton';

// In its own route group so that it covers the library alone: below it, a case study or lesson
// that is not there must still answer 404, which a loading boundary above it would turn into 200.
export default function LibraryLoading() {
  return <PageSkeleton label="the library" />;
}
