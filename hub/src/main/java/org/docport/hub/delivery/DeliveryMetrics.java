package org.docport.hub.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.Function;
import org.docport.connectors.delivery.DeliveryDispatcher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-insurer delivery health as metrics an operator can alert on (tags {@code insurer} and its
 * connector {@code kind}): what waits ({@code docport.delivery.backlog}), what is being retried,
 * dead letters not yet replayed, how long the oldest waiting change has waited, and whether the
 * insurer is paused. Read from the registry every {@code docport.delivery.metrics-interval}, so any
 * replica reports the whole picture and a scrape costs no query.
 */
@Component
class DeliveryMetrics {

  private final DeliveryReports reports;
  private final MultiGauge backlog;
  private final MultiGauge retrying;
  private final MultiGauge deadLetters;
  private final MultiGauge oldestPending;
  private final MultiGauge paused;
  private final MultiGauge notAnswering;

  DeliveryMetrics(DeliveryReports reports, MeterRegistry meters) {
    this.reports = reports;
    this.backlog =
        gauge(meters, "docport.delivery.backlog", "(insurer, doctor) pairs waiting", null);
    this.retrying =
        gauge(meters, "docport.delivery.retrying", "waiting pairs already tried and failed", null);
    this.deadLetters =
        gauge(meters, "docport.delivery.dead.letters", "refused deliveries not replayed", null);
    this.oldestPending =
        gauge(
            meters,
            "docport.delivery.oldest.pending",
            "how long the oldest waiting pair has waited (0 when none waits)",
            "seconds");
    this.paused = gauge(meters, "docport.delivery.paused", "1 while an operator pauses it", null);
    this.notAnswering =
        gauge(
            meters,
            "docport.delivery.circuit.open",
            "1 while the insurer does not answer (its circuit is open: changes wait, probes run)",
            null);
  }

  @Scheduled(
      fixedDelayString = "${docport.delivery.metrics-interval:PT15S}",
      initialDelayString = "${docport.delivery.metrics-interval:PT15S}")
  void update() {
    List<DeliveryReports.InsurerStatus> all = reports.statuses();
    backlog.register(rows(all, DeliveryReports.InsurerStatus::backlog), true);
    retrying.register(rows(all, DeliveryReports.InsurerStatus::retrying), true);
    deadLetters.register(rows(all, DeliveryReports.InsurerStatus::deadLetters), true);
    oldestPending.register(
        rows(all, s -> s.oldestPendingSeconds() == null ? 0.0 : s.oldestPendingSeconds()), true);
    paused.register(rows(all, s -> s.paused() ? 1 : 0), true);
    notAnswering.register(
        rows(
            all,
            s -> s.circuit() == null || s.circuit() == DeliveryDispatcher.Circuit.CLOSED ? 0 : 1),
        true);
  }

  private static List<MultiGauge.Row<?>> rows(
      List<DeliveryReports.InsurerStatus> all,
      Function<DeliveryReports.InsurerStatus, Number> value) {
    return all.stream()
        .<MultiGauge.Row<?>>map(
            s ->
                MultiGauge.Row.of(
                    Tags.of("insurer", s.insurerId(), "kind", s.kind()), value.apply(s)))
        .toList();
  }

  private static MultiGauge gauge(
      MeterRegistry meters, String name, String description, String unit) {
    return MultiGauge.builder(name).description(description).baseUnit(unit).register(meters);
  }
}
