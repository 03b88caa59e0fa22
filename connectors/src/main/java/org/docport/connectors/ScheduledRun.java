package org.docport.connectors;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * A run of a kind that sends an insurer's changes in batches ({@link
 * ConnectorKind#deliversPerPair()} false): its name, as {@link RunRequest#run()} carries it, and
 * when it comes due.
 *
 * <p>Spring's {@link CronExpression} rather than Quartz (or camel-quartz): working out the next
 * fire time is all a run needs, and it comes with Spring, which the hub runs on anyway; Quartz would
 * add its own scheduler threads, job store and cron dialect for the same answer.
 *
 * @param cron a Spring cron expression (six fields, seconds first) or a macro such as {@code
 *     @hourly}
 */
public record ScheduledRun(String run, String cron, ZoneId zone) {

  /** The first time after {@code after} the run comes due, if ever. */
  public Optional<ZonedDateTime> next(ZonedDateTime after) {
    return Optional.ofNullable(CronExpression.parse(cron).next(after.withZoneSameInstant(zone)));
  }

  /** Whether {@code cron} is an expression {@link #next} reads. */
  public static boolean isValid(String cron) {
    return cron != null && CronExpression.isValidExpression(cron);
  }
}
