package org.docport.connectors.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.camel.builder.Builder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.docport.connectors.ConnectorKind;
import org.docport.connectors.ConnectorServices;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.DeliveryRouteConfiguration;
import org.docport.connectors.PreparedDelivery;
import org.docport.connectors.Withdrawal;
import org.docport.connectors.payload.ChangeMessages;

/**
 * The {@code kafka} connector kind: one record per change on the insurer's topic, through Camel's
 * {@code kafka} component ({@link KafkaWriter} says what a record holds). The producer is
 * idempotent and waits for {@code acks=all}: a record is a receipt only once every in-sync replica
 * has it, and the exchange fails, for the lane to retry, when that does not happen within the
 * budget of one write ({@link KafkaClients}).
 */
public final class KafkaKind implements ConnectorKind {

  static final List<String> SECURITY_PROTOCOLS =
      List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  static final List<String> SASL_MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

  private static final Pattern BROKER =
      Pattern.compile(
          "(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):([0-9]{1,5})");
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  @Override
  public String name() {
    return ConnectorSettings.KAFKA;
  }

  @Override
  public void checkSettings(ConnectorSettings settings, List<String> problems) {
    if (settings.baseUrl() != null) {
      problems.add("baseUrl: not used by the kafka kind; kafka.bootstrapServers names the brokers");
    }
    if (!"none".equals(settings.authOrNone().type())) {
      problems.add(
          "auth: not used by the kafka kind; set kafka.securityProtocol, kafka.saslMechanism,"
              + " kafka.username and kafka.password");
    }
    ConnectorSettings.Kafka kafka = settings.kafka();
    if (kafka == null) {
      problems.add("kafka: required for the kafka kind: bootstrapServers and topic at least");
      return;
    }
    if (!validBrokers(kafka.bootstrapServers())) {
      problems.add(
          "kafka.bootstrapServers: must be host:port of one or more brokers, separated by commas,"
              + " such as kafka1.insurer.example:9093,kafka2.insurer.example:9093");
    }
    if (kafka.topic() == null
        || !TOPIC.matcher(kafka.topic()).matches()
        || kafka.topic().equals(".")
        || kafka.topic().equals("..")) {
      problems.add(
          "kafka.topic: must be an existing topic's name: 1 to 249 letters, digits, '.', '_' or"
              + " '-'");
    }
    checkSecurity(kafka, problems);
  }

  private static void checkSecurity(ConnectorSettings.Kafka kafka, List<String> problems) {
    String protocol = kafka.securityProtocolOrDefault();
    if (!SECURITY_PROTOCOLS.contains(protocol)) {
      problems.add(
          "kafka.securityProtocol: must be one of "
              + String.join(", ", SECURITY_PROTOCOLS)
              + " (default PLAINTEXT)");
      return;
    }
    if (!protocol.startsWith("SASL_")) {
      for (String field : List.of("saslMechanism", "username", "password")) {
        if (field(kafka, field) != null) {
          problems.add(
              "kafka." + field + ": only with securityProtocol SASL_PLAINTEXT or SASL_SSL");
        }
      }
      return;
    }
    if (!SASL_MECHANISMS.contains(kafka.saslMechanism())) {
      problems.add(
          "kafka.saslMechanism: required with "
              + protocol
              + ": one of "
              + String.join(", ", SASL_MECHANISMS));
    }
    for (String field : List.of("username", "password")) {
      String value = field(kafka, field);
      if (value == null || value.isBlank()) {
        problems.add("kafka." + field + ": required with " + protocol);
      }
    }
  }

  private static String field(ConnectorSettings.Kafka kafka, String name) {
    return switch (name) {
      case "saslMechanism" -> kafka.saslMechanism();
      case "username" -> kafka.username();
      default -> kafka.password();
    };
  }

  private static boolean validBrokers(String servers) {
    if (servers == null || servers.isBlank()) {
      return false;
    }
    return Arrays.stream(servers.split(",", -1))
        .map(String::trim)
        .allMatch(
            server -> {
              var broker = BROKER.matcher(server);
              if (!broker.matches()) {
                return false;
              }
              int port = Integer.parseInt(broker.group(3));
              return port > 0 && port < 65536;
            });
  }

  @Override
  public Map<String, Object> templateParameters(ConnectorSettings settings) {
    return Map.of("topic", settings.kafka().topic());
  }

  /**
   * The route: a withdrawal or a prepared delivery becomes a record ({@link KafkaWriter}), which
   * the {@code kafka} endpoint sends synchronously; its answer is the receipt. The endpoint's
   * brokers and credentials come from {@link KafkaClients}, so its URI holds no secret; the URI is
   * unique per insurer (its client id), so no two insurers share a producer.
   */
  @Override
  public void defineTemplate(RouteBuilder routes, ConnectorServices services) {
    Duration budget = budget(services);
    KafkaTimeouts timeouts = new KafkaTimeouts(budget);
    String endpoint =
        "kafka:{{topic}}?kafkaClientFactory=#{{clients}}&clientId=docport-{{insurerId}}"
            + "&synchronous=true&requestRequiredAcks=all&enableIdempotence=true"
            + "&maxInFlightRequest=5&lingerMs=0"
            + "&maxBlockMs="
            + timeouts.maxBlockMs()
            + "&deliveryTimeoutMs="
            + timeouts.deliveryTimeoutMs()
            + "&requestTimeoutMs="
            + timeouts.requestTimeoutMs()
            + "&keySerializer="
            + StringSerializer.class.getName()
            + "&valueSerializer="
            + ByteArraySerializer.class.getName();
    routes
        .routeTemplate(name())
        .templateParameter("insurerId")
        .templateParameter("settings")
        .templateParameter("topic")
        .templateBean(
            "writer",
            KafkaWriter.class,
            rtc -> {
              ConnectorSettings settings = rtc.getProperty("settings", ConnectorSettings.class);
              return new KafkaWriter(
                  ChangeMessages.of(
                      services.fhir(),
                      rtc.getProperty("insurerId", String.class),
                      settings.profileOrDefault()),
                  rtc.getProperty("topic", String.class),
                  budget);
            })
        .templateBean(
            "clients",
            KafkaClients.class,
            rtc -> {
              ConnectorSettings settings = rtc.getProperty("settings", ConnectorSettings.class);
              return new KafkaClients(settings.kafka(), budget);
            })
        .from("direct:deliver-{{insurerId}}")
        .routeConfigurationId(DeliveryRouteConfiguration.ID)
        .choice()
        .when(Builder.body().isInstanceOf(Withdrawal.class))
        .to("bean:{{writer}}?method=withdrawal")
        .otherwise()
        .bean(services.preparation(), "prepare")
        .filter(Builder.body().isInstanceOf(PreparedDelivery.class))
        .to("bean:{{writer}}?method=change")
        .end()
        .end()
        .filter(Builder.exchangeProperty(KafkaWriter.OUTCOME).isNotNull())
        .doTry()
        .to(endpoint)
        .doCatch(Exception.class)
        .to("bean:{{writer}}?method=failed")
        .end()
        .setBody(Builder.exchangeProperty(KafkaWriter.OUTCOME))
        .end();
  }

  /**
   * Whether the cluster answers, the topic exists and DocPort may write to it, without writing a
   * record.
   */
  @Override
  public Optional<String> connectionProblem(
      ConnectorServices services, String insurerId, ConnectorSettings settings) {
    return KafkaConnectionTest.problem(
        new KafkaClients(settings.kafka(), budget(services)), settings.kafka());
  }

  /**
   * The longest one write may take: the HTTP kinds' socket timeout, which the delivery lease is
   * sized to outlast ({@link org.docport.connectors.Lease#ensureLasts}).
   */
  static Duration budget(ConnectorServices services) {
    return Duration.ofMillis(services.fhir().getRestfulClientFactory().getSocketTimeout());
  }
}
