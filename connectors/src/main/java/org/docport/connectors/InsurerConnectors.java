package org.docport.connectors;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;

/**
 * The connector routes of all insurers: one templated route per insurer, added and removed at run
 * time without a restart, and the single way to run a delivery through an insurer's route.
 */
public final class InsurerConnectors {

  private final CamelContext camel;
  private final ConnectorServices services;
  private final ProducerTemplate producer;

  /** The settings each insurer's route was made with (secrets open). */
  private final Map<String, ConnectorSettings> connected = new ConcurrentHashMap<>();

  public InsurerConnectors(CamelContext camel, ConnectorServices services) {
    this.camel = camel;
    this.services = services;
    this.producer = camel.createProducerTemplate();
  }

  /** Creates (or re-creates, with new settings) the route of an insurer. */
  public synchronized void connect(String insurerId, ConnectorSettings settings) {
    var problems = settings.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    disconnect(insurerId);
    TemplatedRouteBuilder route =
        TemplatedRouteBuilder.builder(camel, settings.kind())
            .routeId(routeId(insurerId))
            .parameter("insurerId", insurerId)
            .parameter("settings", settings);
    ConnectorKinds.of(settings).templateParameters(settings).forEach(route::parameter);
    route.add();
    connected.put(insurerId, settings);
  }

  /** Stops and removes an insurer's route; does nothing if it has none. */
  public synchronized void disconnect(String insurerId) {
    String routeId = routeId(insurerId);
    connected.remove(insurerId);
    if (camel.getRoute(routeId) == null) {
      return;
    }
    try {
      camel.getRouteController().stopRoute(routeId);
      camel.removeRoute(routeId);
    } catch (Exception e) {
      throw new IllegalStateException("could not remove route " + routeId, e);
    }
  }

  /**
   * Whether the insurer answers through the connection its route was made with ({@link
   * ConnectorKind#connectionProblem}).
   *
   * @return what is wrong; empty when the insurer answers
   */
  public Optional<String> connectionProblem(String insurerId) {
    ConnectorSettings settings = connected.get(insurerId);
    if (settings == null) {
      return Optional.of("insurer " + insurerId + " has no connector route");
    }
    return ConnectorKinds.of(settings).connectionProblem(services, insurerId, settings);
  }

  public boolean isConnected(String insurerId) {
    return camel.getRoute(routeId(insurerId)) != null;
  }

  /**
   * Runs one delivery through the insurer's route on the calling thread.
   *
   * @throws RetryableDeliveryException when the insurer should be tried again later
   * @throws RejectedDeliveryException when the insurer refused the data
   */
  public DeliveryResult deliver(DeliveryJob job) {
    return send(job.insurerId(), job, DeliveryResult.class);
  }

  /**
   * The jobs of one claim with the registry read for all of them at once ({@link
   * DeliveryPreparation#readAhead}).
   */
  public List<DeliveryJob> readAhead(String insurerId, List<DeliveryJob> jobs) {
    return services.preparation().readAhead(insurerId, jobs);
  }

  /**
   * Takes back, through the insurer's route, what the insurer holds of a doctor.
   *
   * @return what stays published (shared organisations and networks)
   * @throws RetryableDeliveryException when the insurer should be tried again later
   * @throws RejectedDeliveryException when the insurer refused
   */
  @SuppressWarnings("unchecked")
  public Map<String, String> withdraw(Withdrawal withdrawal) {
    return send(withdrawal.insurerId(), withdrawal, Map.class);
  }

  /**
   * Runs one batch of a kind that sends changes together ({@link ConnectorKind#deliversPerPair()}
   * false) through the insurer's route on the calling thread.
   *
   * @throws RetryableDeliveryException when the batch could not be sent; its pairs are due again
   */
  public RunReport run(RunRequest request) {
    return send(request.insurerId(), request, RunReport.class);
  }

  private <T> T send(String insurerId, Object body, Class<T> answer) {
    if (!isConnected(insurerId)) {
      throw new RetryableDeliveryException(
          "insurer " + insurerId + " has no connector route", null, null);
    }
    try {
      return producer.requestBody("direct:deliver-" + insurerId, body, answer);
    } catch (CamelExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  public static String routeId(String insurerId) {
    return "insurer-" + insurerId;
  }
}
