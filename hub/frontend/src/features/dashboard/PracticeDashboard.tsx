import { useMemo, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SelectField } from '../../components/SelectField';
import { t } from '../../i18n';
import { browserTimeZone, usePracticeStats } from './api';
import { ChartFigure } from './ChartFigure';
import { insurerSpec, utilisationSpec, weeklySpec } from './charts';
import {
  dayBefore,
  DEFAULT_RANGE,
  hasNoAppointments,
  hasSlotsOnOffer,
  insurerRows,
  isRangeId,
  mondayOf,
  RANGE_IDS,
  rangeQuery,
  summarise,
  upcomingRows,
  UPCOMING_WEEKS,
  weekRows,
  type PracticeFigures,
  type Share,
  type Summary,
} from './figures';
import { formatCount, formatDay, formatPercent } from './format';
import { InsurerTable, UtilisationTable, WeeklyTable } from './tables';

/** Where the empty states send the doctor: the availability and insurers screens. */
export const HOURS_PATH = '/availability';
export const INSURERS_PATH = '/insurers';

function Figure({ term, value, note }: { term: string; value?: string; note: string }) {
  return (
    <div className="figure">
      <dt className="figure__term">{term}</dt>
      <dd className="figure__value">
        {value ?? (
          <>
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">{t('dashboard.noFigure')}</span>
          </>
        )}
      </dd>
      <dd className="figure__note">{note}</dd>
    </div>
  );
}

function rate(share: Share) {
  return share.rate === undefined ? undefined : formatPercent(share.rate);
}

function SummaryFigures({ summary }: { summary: Summary }) {
  const { thisWeek, cancellations, noShows, utilisation } = summary;
  const rateNote = (share: Share) =>
    share.whole > 0
      ? t('dashboard.summary.rateNote', { part: formatCount(share.part), count: share.whole })
      : t('dashboard.summary.noAppointments');
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title" className="visually-hidden">
        {t('dashboard.summary')}
      </h2>
      <dl className="figures">
        <Figure
          term={t('dashboard.summary.thisWeek')}
          value={thisWeek ? formatCount(thisWeek.total) : undefined}
          note={thisWeek ? t('dashboard.weekOf', { date: formatDay(thisWeek.weekStart) }) : ''}
        />
        <Figure
          term={t('dashboard.summary.cancellationRate')}
          value={rate(cancellations)}
          note={rateNote(cancellations)}
        />
        <Figure
          term={t('dashboard.summary.noShowRate')}
          value={rate(noShows)}
          note={rateNote(noShows)}
        />
        <Figure
          term={t('dashboard.summary.utilisation', { count: utilisation.weeks || UPCOMING_WEEKS })}
          value={rate(utilisation)}
          note={
            utilisation.whole > 0
              ? t('dashboard.summary.utilisationNote', {
                  part: formatCount(utilisation.part),
                  count: utilisation.whole,
                })
              : t('dashboard.summary.noSlots')
          }
        />
      </dl>
    </section>
  );
}

function NextSteps({ children }: { children: ReactNode }) {
  return <div className="actions">{children}</div>;
}

function EmptyState() {
  return (
    <section className="card section empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('dashboard.empty.title')}</h2>
      <p>{t('dashboard.empty.body')}</p>
      <NextSteps>
        <Link to={HOURS_PATH} className="button button--primary">
          {t('dashboard.empty.setHours')}
        </Link>
        <Link to={INSURERS_PATH} className="button button--secondary">
          {t('dashboard.empty.joinInsurers')}
        </Link>
      </NextSteps>
    </section>
  );
}

function NoSlots() {
  return (
    <section className="card section" aria-labelledby="utilisation-title">
      <h2 id="utilisation-title">{t('dashboard.utilisation.title')}</h2>
      <p>{t('dashboard.utilisation.none')}</p>
      <NextSteps>
        <Link to={HOURS_PATH} className="button button--secondary">
          {t('dashboard.empty.setHours')}
        </Link>
      </NextSteps>
    </section>
  );
}

/** The weeks' figures shaped for the summary, the charts and their tables. */
function shape(figures: PracticeFigures, thisMonday: string) {
  const weeks = weekRows(figures.weeks, thisMonday);
  const upcoming = upcomingRows(weeks);
  const insurers = insurerRows(figures.insurers);
  return {
    weeks,
    upcoming,
    insurers,
    summary: summarise(weeks),
    empty: hasNoAppointments(weeks),
    slots: hasSlotsOnOffer(weeks),
    from: formatDay(figures.from),
    to: formatDay(dayBefore(figures.to)),
    weeklySpec: weeklySpec(weeks),
    insurerSpec: insurerSpec(insurers),
    utilisationSpec: utilisationSpec(upcoming),
  };
}

function Figures({ figures, thisMonday }: { figures: PracticeFigures; thisMonday: string }) {
  const shaped = useMemo(() => shape(figures, thisMonday), [figures, thisMonday]);
  const { from, to } = shaped;
  const upcomingFrom = shaped.upcoming[0] ? formatDay(shaped.upcoming[0].weekStart) : from;
  const weeklyTitle = t('dashboard.weekly.title');
  const insurersTitle = t('dashboard.insurers.title');
  const utilisationTitle = t('dashboard.utilisation.title');
  return (
    <>
      {shaped.empty ? <EmptyState /> : <SummaryFigures summary={shaped.summary} />}
      {shaped.empty ? null : (
        <ChartFigure
          id="weekly"
          title={weeklyTitle}
          description={t('dashboard.weekly.description', { from, to })}
          spec={shaped.weeklySpec}
          chartLabel={t('dashboard.weekly.chartLabel', { from, to, title: weeklyTitle })}
          height="18rem"
          table={<WeeklyTable rows={shaped.weeks} caption={weeklyTitle} />}
        />
      )}
      {shaped.empty || shaped.insurers.length === 0 ? null : (
        <ChartFigure
          id="insurers"
          title={insurersTitle}
          description={t('dashboard.insurers.description', { from, to })}
          spec={shaped.insurerSpec}
          chartLabel={t('dashboard.insurers.chartLabel', { from, to, title: insurersTitle })}
          height={`${6 + 3 * shaped.insurers.length}rem`}
          table={<InsurerTable rows={shaped.insurers} caption={insurersTitle} />}
        />
      )}
      {shaped.slots ? (
        <ChartFigure
          id="utilisation"
          title={utilisationTitle}
          description={t('dashboard.utilisation.description')}
          spec={shaped.utilisationSpec}
          chartLabel={t('dashboard.utilisation.chartLabel', {
            from: upcomingFrom,
            to,
            title: utilisationTitle,
          })}
          height="14rem"
          table={<UtilisationTable rows={shaped.upcoming} caption={utilisationTitle} />}
        />
      ) : shaped.empty ? null : (
        <NoSlots />
      )}
    </>
  );
}

/**
 * The signed-in doctor's practice in figures: appointments per week and per insurer,
 * cancellations and no-shows, and how full the coming weeks' slots are. Weeks start on Monday in
 * the browser's time zone; the range is in the address (`?range=`), so it survives a reload.
 */
export function PracticeDashboard({ doctorId }: { doctorId: string }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('range');
  const range = isRangeId(asked) ? asked : DEFAULT_RANGE;
  const thisMonday = mondayOf(new Date());
  const timeZone = browserTimeZone();
  const stats = usePracticeStats(doctorId, { ...rangeQuery(range, thisMonday), timeZone });

  return (
    <div className="stack dashboard">
      <div className="dashboard__head">
        <PageHeading>{t('dashboard.title')}</PageHeading>
        <SelectField
          className="dashboard__range"
          label={t('dashboard.range')}
          name="range"
          hint={t('dashboard.rangeHint', { timeZone })}
          value={range}
          options={RANGE_IDS.map((id) => ({ value: id, label: t(`dashboard.range.${id}`) }))}
          onChange={(event) =>
            setParams(
              (current) => {
                current.set('range', event.target.value);
                return current;
              },
              { replace: true },
            )
          }
        />
      </div>
      {stats.isPending ? (
        <Loading label={t('dashboard.loading')} />
      ) : stats.isError ? (
        <ProblemAlert error={stats.error} fallback="dashboard.failed">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void stats.refetch()}
          >
            {t('app.tryAgain')}
          </button>
        </ProblemAlert>
      ) : (
        <>
          {stats.isPlaceholderData ? <Loading label={t('dashboard.updating')} /> : null}
          <div className="stack" aria-busy={stats.isPlaceholderData}>
            <Figures figures={stats.data} thisMonday={thisMonday} />
          </div>
        </>
      )}
    </div>
  );
}
