import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export interface StatsQuery {
  from: string;
  weeks: number;
  timeZone: string;
}

export const practiceStatsKey = (doctorId: string, query: StatsQuery) =>
  ['practice-stats', doctorId, query.from, query.weeks, query.timeZone] as const;

/** The browser's IANA time zone, in which the doctor's weeks start. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The doctor's practice week by week; the last range's figures stay while another loads. */
export function usePracticeStats(doctorId: string, query: StatsQuery) {
  return useQuery({
    queryKey: practiceStatsKey(doctorId, query),
    queryFn: () =>
      unwrap(
        api.GET('/api/doctors/{doctorId}/practice-stats', {
          params: { path: { doctorId }, query },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
