package org.docport.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.docport.mappings.snapshot.BookedAppointment;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.OfferedService;
import org.docport.mappings.snapshot.OfferedSlot;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * Schedule, Slot and Appointment: each case must map to exactly its golden file ({@code
 * scheduling-<name>.expected.json}) and validate against FHIR R4 without errors.
 *
 * <pre>./mvnw -pl fhir-mappings test -Dtest=SchedulingMapperTest -Dgolden.update=true</pre>
 */
class SchedulingMapperTest {

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private static final UUID DOCTOR = UUID.fromString("3f2c1e9a-8b7d-4c6e-9a1b-2d3e4f5a6b7c");
  private static final Instant NINE = Instant.parse("2026-03-09T13:00:00Z");
  private static final Instant NINE_TWENTY = Instant.parse("2026-03-09T13:20:00Z");

  static final OfferedService IN_PERSON =
      new OfferedService(
          DOCTOR,
          "main",
          "consult",
          "New patient consultation",
          new Coding(
              "http://terminology.hl7.org/CodeSystem/service-type", "124", "General Practice"),
          false,
          List.of(
              new Coding("http://nucc.org/provider-taxonomy", "207Q00000X", "Family Medicine")));

  static final OfferedService VIDEO =
      new OfferedService(DOCTOR, "main", "video", "Video follow-up", null, true, List.of());

  static final Map<String, Supplier<Resource>> CASES =
      Map.ofEntries(
          Map.entry("schedule", () -> SchedulingMapper.schedule(IN_PERSON)),
          Map.entry("schedule-telemedicine", () -> SchedulingMapper.schedule(VIDEO)),
          Map.entry(
              "slot-free",
              () ->
                  SchedulingMapper.slot(
                      new OfferedSlot(
                          "s-1", IN_PERSON, NINE, NINE_TWENTY, OfferedSlot.Status.FREE, null))),
          Map.entry(
              "slot-unavailable",
              () ->
                  SchedulingMapper.slot(
                      new OfferedSlot(
                          "s-2",
                          IN_PERSON,
                          NINE,
                          NINE_TWENTY,
                          OfferedSlot.Status.BUSY_UNAVAILABLE,
                          "leave: conference"))),
          Map.entry("appointment-held", () -> SchedulingMapper.appointment(held())),
          Map.entry("appointment-booked-video", () -> SchedulingMapper.appointment(bookedVideo())),
          Map.entry("appointment-cancelled", () -> SchedulingMapper.appointment(cancelled())),
          // As a connector pushes it: slot and location by identifier, not by link.
          Map.entry("appointment-pushed", () -> SchedulingMapper.pushed(held())));

  static List<String> names() {
    return CASES.keySet().stream().sorted().toList();
  }

  @ParameterizedTest
  @MethodSource("names")
  void mapsToItsGoldenFile(String name) throws Exception {
    String actual =
        TestFhir.CONTEXT
                .newJsonParser()
                .setPrettyPrint(true)
                .encodeResourceToString(CASES.get(name).get())
            + "\n";
    Path file =
        Path.of(
            "src",
            "test",
            "resources",
            "org",
            "docport",
            "mappings",
            "scheduling-" + name + ".expected.json");
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
      return;
    }
    assertThat(file).as("golden file; run with -Dgolden.update=true to create it").exists();
    JSONAssert.assertEquals(Files.readString(file), actual, JSONCompareMode.STRICT);
  }

  @ParameterizedTest
  @MethodSource("names")
  void validatesAgainstFhirR4(String name) {
    var errors = PlanNetValidator.errors(CASES.get(name).get());

    assertThat(errors).as(PlanNetValidator.describe(errors)).isEmpty();
  }

  @Test
  void theScheduleIsWhatItsSlotsAndAppointmentsReferTo() {
    String schedule = SchedulingMapper.schedule(IN_PERSON).getIdPart();
    var slot =
        SchedulingMapper.slot(
            new OfferedSlot("s-1", IN_PERSON, NINE, NINE_TWENTY, OfferedSlot.Status.FREE, null));

    assertThat(slot.getSchedule().getReference()).isEqualTo("Schedule/" + schedule);
    assertThat(SchedulingMapper.schedule(VIDEO).getIdPart()).isNotEqualTo(schedule);
    assertThat(SchedulingMapper.schedule(IN_PERSON).getActor())
        .extracting(Reference::getReference)
        .containsExactly(
            "Practitioner/"
                + BusinessIdentifiers.logicalId(BusinessIdentifiers.practitioner(DOCTOR)),
            "Location/"
                + BusinessIdentifiers.logicalId(BusinessIdentifiers.location(DOCTOR, "main")));
  }

  @Test
  void theInsurersOwnPatientIsNotChangedByMapping() {
    BookedAppointment source = held();
    Patient supplied = (Patient) source.patient().getResource();
    String before = TestFhir.CONTEXT.newJsonParser().encodeResourceToString(supplied);

    Appointment mapped = SchedulingMapper.appointment(source);

    assertThat(TestFhir.CONTEXT.newJsonParser().encodeResourceToString(supplied)).isEqualTo(before);
    assertThat(mapped.getContained()).hasSize(1);
    assertThat(mapped.getParticipantFirstRep().getActor().getReference()).isEqualTo("#patient");
  }

  @Test
  void aScheduleNeedsItsDoctorLocationAndService() {
    assertThatThrownBy(
            () ->
                SchedulingMapper.schedule(
                    new OfferedService(DOCTOR, " ", "consult", "x", null, false, List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("location id");
  }

  private static BookedAppointment held() {
    var patient =
        new Patient()
            .addIdentifier(
                new Identifier().setSystem("https://payer.example/member").setValue("M-1001"))
            .addName(new HumanName().setFamily("Rao").addGiven("Meera"))
            .setGender(AdministrativeGender.FEMALE);
    patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1984-02-29"));
    return new BookedAppointment(
        "a-1",
        IN_PERSON,
        "s-1",
        NINE,
        NINE_TWENTY,
        BookedAppointment.Status.HELD,
        Instant.parse("2026-03-01T10:10:00Z"),
        null,
        carrying(patient),
        null,
        null,
        null,
        Instant.parse("2026-03-01T10:00:00Z"));
  }

  private static BookedAppointment bookedVideo() {
    var coverage =
        new Coverage()
            .setStatus(Coverage.CoverageStatus.ACTIVE)
            .setBeneficiary(new Reference("https://payer.example/fhir/Patient/77"))
            .addPayor(new Reference().setDisplay("Acme Health"));
    return new BookedAppointment(
        "a-2",
        VIDEO,
        "s-3",
        NINE,
        NINE_TWENTY,
        BookedAppointment.Status.BOOKED,
        null,
        "https://meet.example/dr-rao",
        new Reference("https://payer.example/fhir/Patient/77").setDisplay("Meera Rao"),
        carrying(coverage),
        null,
        "leave: conference",
        Instant.parse("2026-03-01T10:00:00Z"));
  }

  private static BookedAppointment cancelled() {
    return new BookedAppointment(
        "a-3",
        IN_PERSON,
        "s-1",
        NINE,
        NINE_TWENTY,
        BookedAppointment.Status.CANCELLED,
        null,
        null,
        new Reference("https://payer.example/fhir/Patient/77"),
        null,
        "the doctor is unwell",
        null,
        Instant.parse("2026-03-01T10:00:00Z"));
  }

  /** A reference that carries the resource itself, as an insurer supplies minimal demographics. */
  private static Reference carrying(Resource resource) {
    var reference = new Reference();
    reference.setResource(resource);
    return reference;
  }
}
