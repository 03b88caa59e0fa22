package org.docport.hub.platform;

import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
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

  /**
   * How long a workflow task waits on the sticky queue of the worker that last ran the workflow
   * before any worker may take it. A standalone test server never times a dead worker's sticky
   * queue out, so there it must be zero (no sticky execution); a real cluster's default is 5 s.
   */
  @Bean
  WorkerOptionsCustomizer stickyQueue(
      @Value("${docport.temporal.sticky-queue-timeout:PT5S}") Duration timeout) {
    return (options, workerName, taskQueue) ->
        options.setStickyQueueScheduleToStartTimeout(timeout);
  }
}
