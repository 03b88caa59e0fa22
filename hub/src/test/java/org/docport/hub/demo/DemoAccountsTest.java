package org.docport.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.docport.hub.HubTest;
import org.docport.hub.registry.Doctors;
import org.docport.hub.security.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo accounts the embedded default creates are real ones the README's passwords open. */
class DemoAccountsTest extends HubTest {

  @Autowired Accounts accounts;
  @Autowired Doctors doctors;

  @Test
  void theDemoDoctorSignsInToAProfileAndTheDemoOperatorToTheConsole() {
    DemoData demo = new DemoData(accounts, doctors, "", true);
    demo.run(null);
    demo.run(null); // a restart changes nothing

    var doctor = as(DemoData.DOCTOR, DemoData.DOCTOR_PASSWORD);
    String id = accounts.find(DemoData.DOCTOR).orElseThrow().doctorId().toString();
    assertThat(
            doctor
                .get("/api/doctors/" + id)
                .expect(200)
                .body()
                .path("name")
                .path("family")
                .asText())
        .isEqualTo("Rao");
    assertThat(
            as(DemoData.OPERATOR, DemoData.OPERATOR_PASSWORD)
                .get("/api/operator/insurers")
                .status())
        .isEqualTo(200);
  }
}
