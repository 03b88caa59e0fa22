package org.docport.hub.cdc;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN when this replica leads capture but its engine has died or gone quiet for longer than
 * heartbeats allow; a standby is UP (it is ready to take over).
 */
@Component("changeCaptureHealthIndicator")
class CaptureHealth implements HealthIndicator {

  private final ChangeCapture capture;

  CaptureHealth(ChangeCapture capture) {
    this.capture = capture;
  }

  @Override
  public Health health() {
    ChangeCapture.Status status = capture.status();
    boolean stalled =
        status.role() == ChangeCapture.Role.CAPTURING
            && status.idleSeconds() > capture.stallThreshold().toSeconds();
    Health.Builder health =
        status.role() == ChangeCapture.Role.FAILED || stalled ? Health.down() : Health.up();
    health.withDetail("role", status.role()).withDetail("idleSeconds", status.idleSeconds());
    if (status.lastEventCommit() != null) {
      health.withDetail("lastEventCommittedAt", status.lastEventCommit().toString());
    }
    if (status.lastError() != null) {
      health.withDetail("lastError", status.lastError());
    }
    if (stalled) {
      health.withDetail("reason", "no events or heartbeats for " + status.idleSeconds() + " s");
    }
    return health.build();
  }
}
