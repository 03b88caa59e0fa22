package org.docport.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.docport.bench.Arrivals.Arrival;
import org.docport.connectors.kafka.KafkaWriter;
import org.docport.testkit.HubClient;
import org.docport.testkit.TestKafka;

/**
 * The {@code kafka} kind's insurer: a topic on an in-process KRaft broker in this JVM (testkit's
 * {@link TestKafka}, clients authenticating with SASL PLAIN as the hub's tests do). The topic
 * stamps each record with the broker's append time ({@code message.timestamp.type=LogAppendTime},
 * in milliseconds), the moment the broker took it, so a record's arrival needs no consumer running
 * during the load: the records are read back afterwards, each naming its doctor and registry
 * version in the connector's headers.
 */
final class KafkaInsurer implements AutoCloseable {

  static final String TOPIC = "docport-bench";

  /** The ceiling's topic, on the same broker, made the same way. */
  static final String BARE_TOPIC = "docport-bench-bare";

  private static final Map<String, String> TOPIC_CONFIG =
      Map.of("message.timestamp.type", "LogAppendTime");

  private final TestKafka kafka;

  private KafkaInsurer(TestKafka kafka) {
    this.kafka = kafka;
  }

  static KafkaInsurer start(int partitions) {
    TestKafka kafka = TestKafka.withPassword();
    kafka.createTopic(TOPIC, partitions, TOPIC_CONFIG);
    kafka.createTopic(BARE_TOPIC, partitions, TOPIC_CONFIG);
    return new KafkaInsurer(kafka);
  }

  /** The connector settings of an insurer that takes its deliveries on {@link #TOPIC}. */
  ObjectNode connector() {
    ObjectNode connector = HubClient.json().createObjectNode().put("kind", "kafka");
    connector
        .putObject("kafka")
        .put("bootstrapServers", kafka.bootstrapServers())
        .put("topic", TOPIC)
        .put("securityProtocol", "SASL_PLAINTEXT")
        .put("saslMechanism", "PLAIN")
        .put("username", TestKafka.USER)
        .put("password", TestKafka.PASSWORD);
    return connector;
  }

  /** Records the broker appended to {@link #TOPIC} at or after {@code sinceMicros}. */
  List<ConsumerRecord<String, byte[]>> since(long sinceMicros) {
    return kafka.records(TOPIC).stream().filter(r -> r.timestamp() * 1000 >= sinceMicros).toList();
  }

  /** A record's doctor and registry version (its headers), and the broker's append time. */
  static Arrival arrival(ConsumerRecord<String, byte[]> record) {
    return new Arrival(
        UUID.fromString(header(record, KafkaWriter.DOCTOR_ID)),
        Long.parseLong(header(record, KafkaWriter.VERSION)),
        record.timestamp() * 1000);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    if (header == null) {
      throw new IllegalStateException("record at offset " + record.offset() + " without " + name);
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * A producer configured as the connector's ({@code KafkaKind}'s endpoint): idempotent, {@code
   * acks=all}, up to 5 requests in flight, no linger, the same serializers and credentials.
   */
  Properties producerSettings() {
    Properties props = kafka.clientProperties();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return props;
  }

  @Override
  public void close() {
    kafka.close();
  }
}
