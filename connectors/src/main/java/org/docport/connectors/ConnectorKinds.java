package org.docport.connectors;

import java.util.List;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;
import org.docport.connectors.fhirrest.FhirRestKind;
import org.docport.connectors.kafka.KafkaKind;
import org.docport.connectors.sftp.SftpRosterKind;
import org.docport.connectors.webhook.WebhookKind;

/** The connector kinds DocPort offers; a new kind is one more row in {@link #ALL}. */
public final class ConnectorKinds {

  public static final List<ConnectorKind> ALL =
      List.of(new FhirRestKind(), new WebhookKind(), new KafkaKind(), new SftpRosterKind());

  private ConnectorKinds() {}

  public static Optional<ConnectorKind> named(String name) {
    return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  public static List<String> names() {
    return ALL.stream().map(ConnectorKind::name).toList();
  }

  /**
   * The kind the settings name; they must have been checked ({@link ConnectorSettings#problems}).
   */
  public static ConnectorKind of(ConnectorSettings settings) {
    return named(settings.kind())
        .orElseThrow(() -> new IllegalArgumentException("no connector kind " + settings.kind()));
  }

  /** The route templates of every kind, to add to the CamelContext once. */
  public static RouteBuilder templates(ConnectorServices services) {
    return new RouteBuilder() {
      @Override
      public void configure() {
        ALL.forEach(kind -> kind.defineTemplate(this, services));
      }
    };
  }

  /**
   * What is wrong with reaching the insurer through these settings, as {@link
   * ConnectorKind#connectionProblem} says; invalid settings are the problem when there are any.
   */
  public static Optional<String> connectionProblem(
      ConnectorServices services, String insurerId, ConnectorSettings settings) {
    List<String> problems = settings.problems();
    if (!problems.isEmpty()) {
      return Optional.of(String.join("; ", problems));
    }
    return of(settings).connectionProblem(services, insurerId, settings);
  }
}
