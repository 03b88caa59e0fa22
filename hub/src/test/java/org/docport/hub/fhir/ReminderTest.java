package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Appointment reminders as a doctor gets them: e-mailed when due, never for an appointment
 * cancelled before, and chosen by the doctor within limits that are checked.
 */
class ReminderTest extends BookingTest {

  private static final String DOCTORS_EMAIL = "asha@example.org";

  @Test
  void aBookedAppointmentIsRemindedWhenDueAndACancelledOneNever() throws Exception {
    Insurer insurer = insurer();
    String doctor = bookableDoctor("Reminded", insurer);
    IGenericClient fhir = booking(insurer);
    List<String> slots = freeSlots(fhir, "Reminded");
    Instant first = slotResource(fhir, slots.get(0)).getStart().toInstant();
    Instant second = slotResource(fhir, slots.get(1)).getStart().toInstant();
    // The first slot's reminder is due five seconds from now; the second slot's, by the other
    // duration, one second after it.
    Duration early = Duration.between(Instant.now(), first).minusSeconds(5);
    Duration late = Duration.between(Instant.now(), second).minusSeconds(6);
    operator()
        .put(
            "/api/doctors/" + doctor + "/reminders",
            Map.of("enabled", true, "before", List.of(early.toString(), late.toString())),
            null)
        .expect(200);

    String cancelled = create(fhir, slots.get(0)).getIdPart();
    String kept = create(fhir, slots.get(1)).getIdPart();
    operator()
        .post(
            "/api/doctors/" + doctor + "/appointments/" + cancelled + "/cancel",
            Map.of("reason", "the patient is better"))
        .expect(200);

    await().atMost(Duration.ofSeconds(20)).until(() -> !reminders(kept).isEmpty());
    MimeMessage reminder = reminders(kept).get(0);
    assertThat(reminder.getSubject()).startsWith("Reminder: Consultation").contains("09:20");
    String text = reminder.getContent().toString();
    assertThat(text).contains("booked through").doesNotContain("Meera");
    // Sweeps send in due order, each mail before the next: the cancelled appointment's reminder,
    // due a second earlier, would be here by now had it not gone with the appointment.
    assertThat(reminders(cancelled)).isEmpty();
    assertThat(reminders(kept)).hasSize(1);
  }

  @Test
  void remindersAreChosenWithinLimitsThatAreNamed() {
    Insurer insurer = insurer();
    String doctor = bookableDoctor("Choosy", insurer);
    String path = "/api/doctors/" + doctor + "/reminders";
    assertThat(operator().get(path).expect(200).body().get("before").toString())
        .isEqualTo("[\"PT24H\",\"PT1H\"]");

    assertField(
        operator().put(path, Map.of("enabled", true, "before", List.of("PT1M", "soon")), null),
        "before[0]");
    assertField(
        operator().put(path, Map.of("enabled", true, "before", List.of("PT1M", "soon")), null),
        "before[1]");
    assertField(operator().put(path, Map.of("before", List.of("PT2H")), null), "enabled");
    operator().put(path, Map.of("enabled", false, "before", List.of("PT2H")), null).expect(200);
    assertThat(operator().get(path).expect(200).body().get("enabled").asBoolean()).isFalse();
  }

  private static List<MimeMessage> reminders(String appointmentId) {
    return mailsTo(DOCTORS_EMAIL).stream()
        .filter(
            m -> {
              try {
                return m.getSubject().startsWith("Reminder:")
                    && m.getContent().toString().contains(appointmentId);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
