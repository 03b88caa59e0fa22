package org.docport.hub.platform;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs workflows on the in-process Temporal test server unless {@code TEMPORAL_ADDRESS} names a
 * cluster, so switching to a real cluster is one environment variable and no code change.
 */
public class TemporalDefaults implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    String address = env.getProperty("TEMPORAL_ADDRESS");
    if (address != null && !address.isBlank()) {
      env.getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "docport-temporal-cluster",
                  Map.of(
                      "spring.temporal.test-server.enabled",
                      "false",
                      "spring.temporal.connection.target",
                      address)));
    }
  }
}
