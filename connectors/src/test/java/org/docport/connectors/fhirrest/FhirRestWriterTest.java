package org.docport.connectors.fhirrest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;

class FhirRestWriterTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 14);

  @Test
  void aWithdrawnRoleEndsTodayAndStaysActiveAsPlanNetRequires() {
    var role = new PractitionerRole().setActive(true);

    assertThat(FhirRestWriter.endIfRunning(role, TODAY)).isTrue();
    assertThat(role.getActive()).isTrue();
    assertThat(role.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-03-14");
  }

  @Test
  void aRoleThatHasAlreadyEndedIsLeftAsItIs() {
    var role = new PractitionerRole();
    role.getPeriod().setEndElement(new DateTimeType("2025-12-31"));

    assertThat(FhirRestWriter.endIfRunning(role, TODAY)).isFalse();
    assertThat(role.getPeriod().getEndElement().getValueAsString()).isEqualTo("2025-12-31");
  }

  @Test
  void aRoleEndingLaterIsEndedToday() {
    var role = new PractitionerRole();
    role.getPeriod().setEndElement(new DateTimeType("2027-01-01"));

    assertThat(FhirRestWriter.endIfRunning(role, TODAY)).isTrue();
    assertThat(role.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-03-14");
  }
}
