package org.docport.hub.demo;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import org.docport.hub.registry.Doctors;
import org.docport.hub.security.Accounts;
import org.junit.jupiter.api.Test;

/** The demo accounts exist only where nobody but the person trying DocPort can reach them. */
class DemoDataTest {

  private final Accounts accounts = mock(Accounts.class);
  private final Doctors doctors = mock(Doctors.class);

  @Test
  void anExternalDatabaseNeverGetsTheDemoAccounts() {
    new DemoData(accounts, doctors, "jdbc:postgresql://db.example/docport", true).run(null);
    verifyNoInteractions(accounts, doctors);
  }

  @Test
  void theEmbeddedDefaultLeavesThemOutWhenTold() {
    new DemoData(accounts, doctors, "", false).run(null);
    verifyNoInteractions(accounts, doctors);
  }
}
