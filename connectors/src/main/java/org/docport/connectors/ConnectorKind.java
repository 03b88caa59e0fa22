package org.docport.connectors;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;

/**
 * One way of reaching insurers (the FHIR REST API of their own server, a signed webhook, ...): the
 * extension point a new kind implements, then lists in {@link ConnectorKinds#ALL}. Everything else
 * is shared by every kind: the delivery lanes (leases, ordering, retries, dead letters, pauses),
 * the consent check and mapping at delivery time ({@link DeliveryPreparation}), the circuit breaker
 * and the operators' API. See {@code docs/connectors.md}.
 */
public interface ConnectorKind {

  /** The kind's name in an insurer's settings ({@code kind}), and its route template's id. */
  String name();

  /**
   * Adds to {@code problems} what is wrong with the settings that only this kind cares about, as
   * {@code field: problem} lines an operator can act on. The settings common to every kind are
   * checked by {@link ConnectorSettings#problems()}.
   */
  void checkSettings(ConnectorSettings settings, List<String> problems);

  /**
   * Defines on {@code routes} the route template {@link #name()}, from which {@link
   * InsurerConnectors} makes one route per insurer with two parameters: {@code insurerId} and
   * {@code settings} (the insurer's {@link ConnectorSettings}, secrets open). The route takes its
   * input from {@code direct:deliver-{{insurerId}}}; {@link
   * DeliveryRouteConfiguration#deliverThroughWriter} makes such a route around a writer bean.
   */
  void defineTemplate(RouteBuilder routes, ConnectorServices services);

  /**
   * The template's parameters besides {@code insurerId} and {@code settings}, made from the
   * insurer's checked settings: for values its endpoint URIs take as {@code {{placeholders}}}
   * (never a secret: URIs are shown in logs and management). None by default.
   */
  default Map<String, Object> templateParameters(ConnectorSettings settings) {
    return Map.of();
  }

  /**
   * Whether the insurer's system answers and takes DocPort's deliveries: the insurer onboarding's
   * connection test, and the circuit breaker's probe while the insurer is down. Must not change
   * what the insurer holds of any doctor.
   *
   * @return what is wrong, in a sentence the insurer can act on; empty when the insurer is ready
   */
  Optional<String> connectionProblem(
      ConnectorServices services, String insurerId, ConnectorSettings settings);

  /**
   * Whether an insurer's due pairs go one at a time through a delivery lane (the default), each
   * claimed and sent as a {@link DeliveryJob}. A kind that sends them together (a roster file)
   * answers false: no lane is started for its insurers; instead the dispatcher sends a {@link
   * RunRequest} through the insurer's route when one of its {@link #scheduledRuns} comes due, or
   * when an operator asks, and the route claims and receipts the pairs itself with the same
   * delivery store, so backlog, lag, pauses and replays read the same for every kind.
   */
  default boolean deliversPerPair() {
    return true;
  }

  /** The runs of a kind that does not deliver per pair, and when each comes due. */
  default List<ScheduledRun> scheduledRuns(ConnectorSettings settings) {
    return List.of();
  }
}
