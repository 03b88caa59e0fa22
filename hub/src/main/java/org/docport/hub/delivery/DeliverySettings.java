package org.docport.hub.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of delivery to insurers ({@code docport.delivery.*}).
 *
 * @param lease how long a claim on a pair holds without renewal; renewed every third of it while
 *     the attempt runs, and a write starts only while the lease outlasts the socket timeout, so it
 *     must be at least twice {@code httpSocketTimeout}
 * @param probeInterval how often an insurer that stopped answering is asked whether it is back; the
 *     first answer releases its whole backlog
 */
@ConfigurationProperties("docport.delivery")
record DeliverySettings(
    int workersPerInsurer,
    Duration pollInterval,
    Duration lease,
    Duration httpConnectTimeout,
    Duration httpSocketTimeout,
    Duration probeInterval) {

  DeliverySettings {
    if (lease.compareTo(httpSocketTimeout.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "docport.delivery.lease ("
              + lease
              + ") must be at least twice docport.delivery.http-socket-timeout ("
              + httpSocketTimeout
              + "): a write to an insurer may start only while the lease outlasts it");
    }
  }
}
