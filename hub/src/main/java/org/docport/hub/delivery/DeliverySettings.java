package org.docport.hub.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tuning of delivery to insurers ({@code docport.delivery.*}). */
@ConfigurationProperties("docport.delivery")
record DeliverySettings(
    int workersPerInsurer,
    Duration pollInterval,
    Duration lease,
    Duration httpConnectTimeout,
    Duration httpSocketTimeout) {}
