package org.docport.connectors.kafka;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.docport.connectors.ConnectorSettings;

/**
 * The {@code kafka} kind's connection test: describes the topic through an admin client, which
 * needs the cluster reachable and DocPort's credentials accepted, and asks for the operations
 * DocPort may do on it. Writes nothing.
 */
final class KafkaConnectionTest {

  private KafkaConnectionTest() {}

  static Optional<String> problem(KafkaClients clients, ConnectorSettings.Kafka settings) {
    String topic = settings.topic();
    long waitMs = clients.budget().toMillis();
    try (Admin admin = clients.admin()) {
      TopicDescription description =
          admin
              .describeTopics(
                  List.of(topic),
                  new DescribeTopicsOptions()
                      .includeAuthorizedOperations(true)
                      .timeoutMs((int) waitMs))
              .allTopicNames()
              .get(waitMs + 1_000, TimeUnit.MILLISECONDS)
              .get(topic);
      Set<AclOperation> allowed = description.authorizedOperations();
      // Without an authorizer on the cluster the operations are not reported: anyone may write.
      if (allowed != null
          && !allowed.contains(AclOperation.WRITE)
          && !allowed.contains(AclOperation.ALL)) {
        return Optional.of(
            "DocPort's user may not write to topic " + topic + ": grant it WRITE on the topic");
      }
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.of(explained(e.getCause(), settings));
    } catch (java.util.concurrent.TimeoutException e) {
      return Optional.of(unreachable(settings, waitMs));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while testing the Kafka cluster");
    }
  }

  private static String explained(Throwable cause, ConnectorSettings.Kafka settings) {
    if (cause instanceof UnknownTopicOrPartitionException) {
      return "the Kafka cluster has no topic "
          + settings.topic()
          + ": create it (DocPort does not create topics)";
    }
    if (cause instanceof TimeoutException) {
      return unreachable(settings, -1);
    }
    if (cause instanceof AuthenticationException) {
      return "the Kafka cluster refused DocPort's credentials (kafka.username, kafka.password,"
          + " kafka.saslMechanism): "
          + cause.getMessage();
    }
    if (cause instanceof AuthorizationException) {
      return "DocPort's user may not see topic "
          + settings.topic()
          + ": grant it DESCRIBE and WRITE on the topic";
    }
    return "the Kafka cluster at " + settings.bootstrapServers() + " failed the test: " + cause;
  }

  private static String unreachable(ConnectorSettings.Kafka settings, long waitMs) {
    return "could not reach the Kafka cluster at "
        + settings.bootstrapServers()
        + (waitMs < 0 ? "" : " within " + waitMs + " ms")
        + " (kafka.bootstrapServers, kafka.securityProtocol)";
  }
}
