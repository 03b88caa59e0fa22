package org.docport.hub.cdc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Change capture tuning ({@code docport.cdc.*}).
 *
 * @param pollInterval Debezium's poll interval; its 500 ms default alone would add half a second of
 *     latency
 * @param leaderCheckInterval how often a standby tries to take over the capture lock
 */
@ConfigurationProperties("docport.cdc")
record CdcSettings(
    boolean enabled,
    String slotName,
    Duration pollInterval,
    Duration heartbeatInterval,
    Duration offsetFlushInterval,
    Duration leaderCheckInterval) {}
