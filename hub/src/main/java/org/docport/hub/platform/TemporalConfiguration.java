package org.docport.hub.platform;

import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the hub runs Temporal. */
@Configuration(proxyBeanMethods = false)
class TemporalConfiguration {

  /**
   * The in-process server keeps real time. Its default, time skipping, is for unit tests: here it
   * would let a 14-day decision timer fire the moment a client waits on a workflow.
   */
  @Bean
  TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> realTimeInProcessServer() {
    return options -> options.setUseTimeskipping(false);
  }
}
