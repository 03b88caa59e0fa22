package org.docport.hub.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import org.docport.hub.HubTest;
import org.docport.hub.platform.DatabaseEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CaptureLeadershipTest extends HubTest {

  @Autowired DatabaseEndpoint db;
  @Autowired ChangeCapture capture;

  @Test
  void onlyOneReplicaCapturesAndAStandbyTakesOverWhenTheLeaderGoes() {
    // The running hub holds the lock, so a second replica stands by...
    assertThat(capture.status().role()).isEqualTo(ChangeCapture.Role.CAPTURING);
    try (CaptureLeadership standby = new CaptureLeadership(db)) {
      assertThat(standby.tryLead()).isFalse();
    }
    // ...and between two replicas (on a lock of their own) it passes on when the holder goes.
    long key = CaptureLeadership.LOCK_KEY + 1;
    try (CaptureLeadership first = new CaptureLeadership(db, key);
        CaptureLeadership second = new CaptureLeadership(db, key)) {
      assertThat(first.tryLead()).isTrue();
      assertThat(first.tryLead()).isTrue();
      assertThat(second.tryLead()).isFalse();
      first.release();
      assertThat(second.tryLead()).isTrue();
      assertThat(first.tryLead()).isFalse();
    }
  }
}
