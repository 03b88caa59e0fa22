import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseBody } from '../../api/client';

export type DisclosurePage = ResponseBody<'/api/doctors/{id}/disclosures', 'get', 200>;
export type Disclosure = NonNullable<DisclosurePage['disclosures']>[number];
export type HistoryPage = ResponseBody<'/api/doctors/{id}/history', 'get', 200>;
export type HistoryEntry = NonNullable<HistoryPage['events']>[number];

export const disclosuresKey = (doctorId: string) => ['disclosures', doctorId] as const;
export const historyKey = (doctorId: string) => ['history', doctorId] as const;

export const DISCLOSURES_PAGE = 50;
export const HISTORY_PAGE = 10;

/** The id to ask `before` for the page after this one; none when the hub says there is no more. */
function olderThan<T extends { id?: number }>(next: string | undefined, items: T[] | undefined) {
  return next ? items?.at(-1)?.id : undefined;
}

/** What insurers received about the doctor, newest first, a page at a time. */
export function useDisclosures(doctorId: string) {
  return useInfiniteQuery({
    queryKey: disclosuresKey(doctorId),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/doctors/{id}/disclosures', {
          params: {
            path: { id: doctorId },
            query: {
              limit: DISCLOSURES_PAGE,
              ...(pageParam === undefined ? {} : { before: pageParam }),
            },
          },
        }),
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => olderThan(last.next, last.disclosures),
    staleTime: 0,
  });
}

/** The doctor's own change history, newest first, a page at a time. */
export function useHistory(doctorId: string) {
  return useInfiniteQuery({
    queryKey: historyKey(doctorId),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/doctors/{id}/history', {
          params: {
            path: { id: doctorId },
            query: {
              limit: HISTORY_PAGE,
              ...(pageParam === undefined ? {} : { before: pageParam }),
            },
          },
        }),
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => olderThan(last.next, last.events),
    staleTime: 0,
  });
}
