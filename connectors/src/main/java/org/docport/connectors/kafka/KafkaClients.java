package org.docport.connectors.kafka;

import java.time.Duration;
import java.util.Properties;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.config.SaslConfigs;
import org.docport.connectors.ConnectorSettings;

/**
 * The Kafka clients of one insurer's connector: Camel's producer gets the insurer's brokers and
 * credentials here rather than from its endpoint URI, so no secret is ever part of a URI; the
 * connection test's admin client is made from the same settings. The admin client's every call
 * gives up within the budget of one write ({@link KafkaTimeouts}).
 */
final class KafkaClients extends DefaultKafkaClientFactory {

  private static final String PLAIN_LOGIN =
      "org.apache.kafka.common.security.plain.PlainLoginModule";
  private static final String SCRAM_LOGIN =
      "org.apache.kafka.common.security.scram.ScramLoginModule";

  private final ConnectorSettings.Kafka settings;
  private final Duration budget;

  KafkaClients(ConnectorSettings.Kafka settings, Duration budget) {
    this.settings = settings;
    this.budget = budget;
  }

  @Override
  public String getBrokers(KafkaConfiguration configuration) {
    return settings.bootstrapServers();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Producer getProducer(Properties kafkaProps) {
    Properties props = new Properties();
    props.putAll(kafkaProps);
    props.putAll(security());
    return new KafkaProducer(props);
  }

  Duration budget() {
    return budget;
  }

  /** An admin client whose every call gives up within the budget. */
  Admin admin() {
    Properties props = security();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) budget.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) budget.toMillis());
    props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100);
    return Admin.create(props);
  }

  /** The security settings both clients take. */
  private Properties security() {
    Properties props = new Properties();
    String protocol = settings.securityProtocolOrDefault();
    props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
    if (protocol.startsWith("SASL_")) {
      props.put(SaslConfigs.SASL_MECHANISM, settings.saslMechanism());
      props.put(
          SaslConfigs.SASL_JAAS_CONFIG,
          "%s required username=\"%s\" password=\"%s\";"
              .formatted(
                  "PLAIN".equals(settings.saslMechanism()) ? PLAIN_LOGIN : SCRAM_LOGIN,
                  quoted(settings.username()),
                  quoted(settings.password())));
    }
    return props;
  }

  /** A value as it may stand between the double quotes of a JAAS option. */
  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
