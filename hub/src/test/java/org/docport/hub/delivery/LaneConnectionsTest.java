package org.docport.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.docport.connectors.ConnectorServices;
import org.docport.connectors.delivery.DeliveryStore;
import org.docport.hub.HubTest;
import org.docport.hub.platform.LaneConnections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

class LaneConnectionsTest extends HubTest {

  @Autowired LaneConnections lanes;
  @Autowired JdbcTemplate jdbc;
  @Autowired DeliveryStore hubStore;

  @Autowired
  @Qualifier("lanes")
  DeliveryStore laneStore;

  @Autowired ConnectorServices services;
  @Autowired MeterRegistry meters;

  @Test
  void theLanesConnectionsPlanEachStatementOnceAndTheHubsKeepPostgresChoice() {
    assertThat(lanes.jdbc().queryForObject("show plan_cache_mode", String.class))
        .isEqualTo("force_generic_plan");
    assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
  }

  @Test
  void anOperatorSeesTheLanesPoolBesideTheRegistrys() {
    for (String pool : new String[] {"registry", "delivery-lanes"}) {
      assertThat(meters.find("hikaricp.connections.max").tag("pool", pool).gauge())
          .as("pool %s", pool)
          .isNotNull();
    }
  }

  @Test
  void theBatchKindsClaimOnTheLanesConnectionsAndTheHubOnItsOwn() {
    assertThat(services.store()).isSameAs(laneStore);
    assertThat(hubStore).isNotSameAs(laneStore);
  }
}
