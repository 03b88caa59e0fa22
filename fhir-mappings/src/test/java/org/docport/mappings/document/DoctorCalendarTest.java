package org.docport.mappings.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.docport.mappings.snapshot.BookedAppointment;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.OfferedService;
import org.docport.mappings.snapshot.OfferedSlot;
import org.junit.jupiter.api.Test;

class DoctorCalendarTest {

  private static final OfferedService CONSULT =
      new OfferedService(
          UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
          "loc-1",
          "consult",
          "Consultation",
          new Coding("http://terminology.hl7.org/CodeSystem/service-type", "124", "General"),
          true,
          List.of());
  private static final Instant NINE = Instant.parse("2026-12-10T03:30:00Z");

  @Test
  void slotsRemovedSlotsAndAppointmentsAreFlattened() {
    OfferedSlot slot =
        new OfferedSlot(
            "s-1", CONSULT, NINE, NINE.plusSeconds(1200), OfferedSlot.Status.BUSY_TENTATIVE, null);
    BookedAppointment expired =
        new BookedAppointment(
            "a-1",
            CONSULT,
            "s-1",
            NINE,
            NINE.plusSeconds(1200),
            BookedAppointment.Status.EXPIRED,
            NINE.minusSeconds(600),
            "https://meet.example/a-1",
            null,
            null,
            null,
            null,
            NINE.minusSeconds(3600));

    DoctorCalendar calendar = DoctorCalendar.of(7, List.of(slot), List.of("s-0"), List.of(expired));

    assertThat(calendar.version()).isEqualTo(7);
    assertThat(calendar.slots())
        .containsExactly(
            new DoctorCalendar.Slot(
                "s-1",
                "loc-1",
                "consult",
                "Consultation",
                CONSULT.type(),
                true,
                "2026-12-10T03:30:00Z",
                "2026-12-10T03:50:00Z",
                "busy-tentative"));
    assertThat(calendar.removedSlotIds()).containsExactly("s-0");
    DoctorCalendar.Appointment appointment = calendar.appointments().get(0);
    assertThat(appointment.status()).isEqualTo("cancelled");
    assertThat(appointment.cancellationReason()).isEqualTo("the hold ran out");
    assertThat(appointment.holdUntil()).as("only while held").isNull();
    assertThat(appointment.meetingLink()).isEqualTo("https://meet.example/a-1");
  }
}
