package org.docport.hub.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class CaptureHealthTest {

  private final ChangeCapture capture = mock(ChangeCapture.class);
  private final CaptureHealth health = new CaptureHealth(capture);

  @Test
  void aFailedEngineIsDown() {
    when(capture.status())
        .thenReturn(new ChangeCapture.Status(ChangeCapture.Role.FAILED, 1, null, "slot in use"));
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.health().getDetails()).containsEntry("lastError", "slot in use");
  }

  @Test
  void anEngineThatHeardNothingForLongerThanHeartbeatsAllowIsDown() {
    when(capture.stallThreshold()).thenReturn(Duration.ofSeconds(60));
    when(capture.status())
        .thenReturn(new ChangeCapture.Status(ChangeCapture.Role.CAPTURING, 61, null, null));
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
  }

  @Test
  void aCapturingEngineAndAStandbyAreUp() {
    when(capture.stallThreshold()).thenReturn(Duration.ofSeconds(60));
    when(capture.status())
        .thenReturn(new ChangeCapture.Status(ChangeCapture.Role.CAPTURING, 2, null, null));
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    when(capture.status())
        .thenReturn(new ChangeCapture.Status(ChangeCapture.Role.STANDBY, 0, null, null));
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }
}
