package org.docport.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An in-process Kafka broker (KRaft, one combined node) for the {@code kafka} kind's tests, with a
 * reader of what its topics hold. {@link #withPassword()} makes clients authenticate (SASL PLAIN)
 * as {@link #USER}, so the tests exercise the credentials an insurer's cluster asks for.
 */
public final class TestKafka implements AutoCloseable {

  public static final String USER = "docport";
  public static final String PASSWORD = "docport-s3cret";
  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\""
          + " password=\"%s\"";

  private final EmbeddedKafkaKraftBroker broker;
  private final boolean sasl;

  private TestKafka(EmbeddedKafkaKraftBroker broker, boolean sasl) {
    this.broker = broker;
    this.sasl = sasl;
    broker.afterPropertiesSet();
  }

  /** A broker on a random port whose clients authenticate as {@link #USER}. */
  public static TestKafka withPassword() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.brokerProperties(
        Map.of(
            "listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
            "sasl.enabled.mechanisms", "PLAIN",
            "sasl.mechanism.inter.broker.protocol", "PLAIN",
            "listener.name.external.plain.sasl.jaas.config",
                JAAS.formatted("broker", "broker-s3cret")
                    + " user_broker=\"broker-s3cret\" user_"
                    + USER
                    + "=\""
                    + PASSWORD
                    + "\";"));
    return new TestKafka(broker, true);
  }

  /**
   * A broker without authentication listening on {@code port} (to bring one up where one was). It
   * creates no topic on its own: a producer still trying the old cluster asks for its topic's
   * metadata as soon as the new one listens, which would otherwise create the topic (with one
   * partition) before {@link #createTopic} does.
   */
  public static TestKafka plaintextOn(int port) {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.brokerProperties(
        Map.of(
            "listeners",
            "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0",
            "auto.create.topics.enable",
            "false"));
    return new TestKafka(broker, false);
  }

  public String bootstrapServers() {
    return broker.getBrokersAsString();
  }

  /** Creates a topic of {@code partitions} partitions with these topic configs. */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    try (Admin admin = Admin.create(clientProperties())) {
      admin
          .createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not create topic " + name, e);
    }
  }

  /** Every record the topic holds now, each partition's in order, partition after partition. */
  public List<ConsumerRecord<String, byte[]>> records(String topic) {
    Properties props = clientProperties();
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
      Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> read = new HashMap<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end");
        }
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(
                r ->
                    read.computeIfAbsent(
                            new TopicPartition(r.topic(), r.partition()), p -> new ArrayList<>())
                        .add(r));
      }
      List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
      partitions.forEach(p -> all.addAll(read.getOrDefault(p, List.of())));
      return all;
    }
  }

  /** What a client of this broker needs: its address and, if it asks, the credentials. */
  public Properties clientProperties() {
    Properties props = new Properties();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    if (sasl) {
      props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
      props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
      props.put(SaslConfigs.SASL_JAAS_CONFIG, JAAS.formatted(USER, PASSWORD) + ";");
    }
    return props;
  }

  @Override
  public void close() {
    broker.destroy();
  }
}
