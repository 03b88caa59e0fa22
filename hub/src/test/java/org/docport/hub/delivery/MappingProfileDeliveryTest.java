package org.docport.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docport.hub.HubTest;
import org.docport.hub.SampleCalendars;
import org.docport.hub.fhir.NotificationReceiver;
import org.docport.insurersim.InsurerServer;
import org.docport.mappings.BusinessIdentifiers;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each insurer's doctors reach it under the insurer's mapping profile, with its code maps applied,
 * and codes a code map cannot translate are listed for operators (and published as registered).
 */
class MappingProfileDeliveryTest extends HubTest {

  private static final Duration DELIVERED = Duration.ofSeconds(30);
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotificationReceiver hook = new NotificationReceiver();

  @AfterEach
  void close() {
    hook.close();
  }

  @Test
  void aDocportJsonInsurerGetsTheDoctorsDocumentWithItsOwnCodesAndTheOnesItLacksAreListed() {
    Insurer insurer = documentInsurer();
    String doctor = createDoctor("Json");
    consent(doctor, insurer, "ACTIVE");
    await().atMost(DELIVERED).until(() -> latest(doctor).isPresent());
    assertThat(latest(doctor).get().get("schema").asText()).isEqualTo("docport.doctor/v1");
    assertThat(specialtyCodes(latest(doctor).get())).containsExactly("207Q00000X");

    // A code map that covers NUCC but not the doctor's code: published as registered, and listed.
    codeMap(insurer, "specialties", "208D00000X", "GP");
    await().atMost(DELIVERED).until(() -> unmapped(insurer).size() == 1);
    JsonNode listed = unmapped(insurer).get(0);
    assertThat(listed.get("doctorId").asText()).isEqualTo(doctor);
    assertThat(listed.get("code").asText()).isEqualTo("207Q00000X");
    assertThat(listed.get("field").asText()).isEqualTo("specialties[0]");
    assertThat(status(insurer).get("unmappedCodes").asLong()).isEqualTo(1);

    // The operator completes the map: every doctor the insurer holds goes again, translated.
    int sent = hook.on("/json").size();
    codeMap(insurer, "specialties", "207Q00000X", "FAM");
    await()
        .atMost(DELIVERED)
        .until(
            () ->
                hook.on("/json").size() > sent
                    && specialtyCodes(latest(doctor).get()).equals(List.of("FAM")));
    await().atMost(DELIVERED).until(() -> unmapped(insurer).isEmpty());
    JsonNode specialty = latest(doctor).get().get("specialties").get(0);
    assertThat(specialty.get("mappedFrom").get("code").asText()).isEqualTo("207Q00000X");

    operator().delete("/api/doctors/" + doctor + "/consents/" + insurer.id()).expect(202);
    await()
        .atMost(DELIVERED)
        .until(
            () ->
                latest(doctor)
                    .map(m -> m.get("schema").asText().equals("docport.doctor.withdrawn/v1"))
                    .orElse(false));
  }

  @Test
  void aCodeMapUploadedWhileADoctorIsOnItsWayStillReachesThatDoctor() {
    InsurerServer server = InsurerServer.start(0);
    try {
      Insurer insurer =
          new Insurer(
              insurerWithConnector(Map.of("kind", "fhir-rest", "baseUrl", server.baseUrl())).id(),
              server);
      String doctor = createDoctor("OnItsWay");
      consent(doctor, insurer, "ACTIVE");
      await().atMost(DELIVERED).until(() -> practitioner(server, doctor).isPresent());
      server.setWriteLatency(Duration.ofMillis(500));
      String etag = operator().get("/api/doctors/" + doctor).expect(200).etag();
      operator()
          .patch("/api/doctors/" + doctor, Map.of("name", Map.of("family", "Moved")), etag)
          .expect(200);
      await().atMost(DELIVERED).until(() -> !server.writesInFlight().isEmpty());

      // The change was mapped before the map existed, and is still on its way as the map is kept.
      OperatorCodeMaps.put(
          operator(),
          insurer.id(),
          "specialties",
          "207Q00000X",
          OperatorCodeMaps.NUCC,
          "207R00000X");

      // Plan-Net keeps the registered code and adds the insurer's.
      await().atMost(DELIVERED).until(() -> specialtyCodes(server, doctor).contains("207R00000X"));
    } finally {
      server.close();
    }
  }

  @Test
  void aDocportJsonInsurerIsSentTheDoctorsSlotsAndWhichAreNoLongerOffered() {
    Insurer insurer = documentInsurer();
    String doctor = createDoctor("Hours");
    consent(doctor, insurer, "ACTIVE");
    String location = locationOf(doctor);
    String etag =
        operator()
            .put(
                "/api/doctors/" + doctor + "/availability",
                SampleCalendars.consultations(SampleCalendars.hoursOn(location, "09:00", "09:40")),
                "\"0\"")
            .expect(200)
            .etag();

    await().atMost(DELIVERED).until(() -> calendar(doctor).path("slots").size() == 2);
    List<JsonNode> slots = new java.util.ArrayList<>();
    calendar(doctor).path("slots").forEach(slots::add);
    slots.sort(java.util.Comparator.comparing(n -> n.path("start").asText()));
    JsonNode slot = slots.get(0);
    assertThat(slot.path("locationId").asText()).isEqualTo(location);
    assertThat(slot.path("serviceId").asText()).isEqualTo("consult");
    assertThat(slot.path("status").asText()).isEqualTo("free");
    assertThat(slot.path("start").asText()).startsWith(SampleCalendars.CLINIC_DAY.toString());
    // The calendar is held as sent: the pair rests instead of going again and again.
    await().atMost(DELIVERED).until(() -> receiptState(insurer, doctor).equals("DELIVERED"));

    operator()
        .put(
            "/api/doctors/" + doctor + "/availability",
            SampleCalendars.consultations(SampleCalendars.hoursOn(location, "09:00", "09:20")),
            etag)
        .expect(200);

    await().atMost(DELIVERED).until(() -> calendar(doctor).path("removedSlotIds").size() == 1);
    assertThat(calendar(doctor).path("removedSlotIds").get(0).asText())
        .as("the 09:20 slot, no longer offered")
        .isEqualTo(slots.get(1).path("id").asText());
  }

  @Test
  void anNdhmInsurerGetsTheNrcesProfiles() {
    InsurerServer server = InsurerServer.start(0);
    try {
      Insurer insurer =
          new Insurer(
              insurerWithConnector(
                      Map.of("kind", "fhir-rest", "baseUrl", server.baseUrl(), "profile", "ndhm"))
                  .id(),
              server);
      String doctor = createDoctor("Ndhm");
      consent(doctor, insurer, "ACTIVE");

      await().atMost(DELIVERED).until(() -> practitioner(server, doctor).isPresent());
      assertThat(practitioner(server, doctor).get().getMeta().getProfile())
          .extracting(p -> p.getValue())
          .contains("https://nrces.in/ndhm/fhir/r4/StructureDefinition/Practitioner");
    } finally {
      server.close();
    }
  }

  @Test
  void profilesAndCodeMapsAreCheckedBeforeTheyAreKept() {
    Insurer insurer = documentInsurer();
    String connector = "/api/operator/insurers/" + insurer.id() + "/connector";

    assertField(
        operator()
            .put(
                connector,
                Map.of(
                    "kind",
                    "webhook",
                    "baseUrl",
                    hook.url("/json"),
                    "profile",
                    "snomed-ct",
                    "signing",
                    Map.of("secret", SECRET)),
                null),
        "connector.profile");
    assertField(
        operator()
            .put(
                connector,
                Map.of(
                    "kind", "fhir-rest", "baseUrl", hook.url("/fhir"), "profile", "docport-json"),
                null),
        "connector.profile");
    String codeMaps = "/api/operator/insurers/" + insurer.id() + "/code-maps/";
    assertThat(
            operator()
                .putBytes(
                    codeMaps + "broken",
                    "application/fhir+json",
                    "{\"resourceType\": \"Patient\"}".getBytes())
                .status())
        .isEqualTo(400);
    assertField(
        operator()
            .putBytes(
                codeMaps + "empty",
                "application/fhir+json",
                "{\"resourceType\": \"ConceptMap\", \"status\": \"active\"}".getBytes()),
        "group");
    assertThat(operator().get(codeMaps.substring(0, codeMaps.length() - 1)).expect(200).body())
        .isEmpty();
  }

  /** A webhook insurer that takes DocPort's JSON documents, at {@code /json} of the hook. */
  private Insurer documentInsurer() {
    return insurerWithConnector(
        Map.of(
            "kind",
            "webhook",
            "baseUrl",
            hook.url("/json"),
            "signing",
            Map.of("secret", SECRET),
            "profile",
            "docport-json"));
  }

  /** Every specialty code of the doctor's roles the insurer holds. */
  private static List<String> specialtyCodes(InsurerServer server, String doctor) {
    return practitioner(server, doctor)
        .map(
            practitioner ->
                server.all(PractitionerRole.class).stream()
                    .filter(
                        role ->
                            role.getPractitioner()
                                .getReference()
                                .endsWith("/" + practitioner.getIdElement().getIdPart()))
                    .flatMap(role -> role.getSpecialty().stream())
                    .flatMap(specialty -> specialty.getCoding().stream())
                    .map(Coding::getCode)
                    .toList())
        .orElse(List.of());
  }

  private void codeMap(Insurer insurer, String id, String code, String target) {
    OperatorCodeMaps.put(operator(), insurer.id(), id, code, target);
  }

  private List<JsonNode> unmapped(Insurer insurer) {
    return OperatorCodeMaps.unmapped(operator(), insurer.id());
  }

  private JsonNode status(Insurer insurer) {
    return operator().get("/api/operator/insurers/" + insurer.id() + "/status").expect(200).body();
  }

  /** The calendar of the last message the insurer was sent about the doctor. */
  private JsonNode calendar(String doctor) {
    return latest(doctor).map(m -> m.path("calendar")).orElse(JSON.createObjectNode());
  }

  /** The last message the insurer was sent about the doctor. */
  private Optional<JsonNode> latest(String doctor) {
    JsonNode last = null;
    for (NotificationReceiver.Received message : hook.on("/json")) {
      try {
        JsonNode body = JSON.readTree(message.body());
        if (doctor.equals(body.path("doctorId").asText())) {
          last = body;
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return Optional.ofNullable(last);
  }

  private static List<String> specialtyCodes(JsonNode document) {
    return java.util.stream.StreamSupport.stream(document.get("specialties").spliterator(), false)
        .map(s -> s.get("code").asText())
        .toList();
  }

  private static Optional<Practitioner> practitioner(InsurerServer server, String doctor) {
    return server.findByIdentifier(Practitioner.class, BusinessIdentifiers.PRACTITIONER, doctor);
  }
}
