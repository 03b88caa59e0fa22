package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.Test;

/**
 * SMART Scheduling Links as a slot finder polls them: the {@code $bulk-publish} manifest and its
 * NDJSON files, each insurer's own view (consent-gated like everything at {@code /fhir}), Slots
 * referring to Schedules and Schedules to Locations that the files hold.
 */
class SchedulingLinksTest extends BookingTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aSlotFinderGetsTheLocationsSchedulesAndSlotsOfTheDoctorsTheInsurerSees() throws Exception {
    Insurer insurer = insurer();
    Insurer other = insurer();
    String doctor = bookableDoctor("Published", insurer);
    bookableDoctor("Elsewhere", other);
    IGenericClient fhir = booking(insurer);
    String booked = freeSlots(fhir, "Published").get(0);
    create(fhir, booked);
    String token = InsurerFhirClients.token(operator(), port, insurer.id(), BOOKING);

    JsonNode manifest = json.readTree(get("/fhir/$bulk-publish", token).body());

    assertThat(manifest.get("request").asText()).endsWith("/fhir/$bulk-publish");
    assertThat(manifest.get("transactionTime").asText()).isNotBlank();
    assertThat(manifest.get("error")).isEmpty();
    List<Location> locations = download(manifest, "Location", token, Location.class);
    List<Schedule> schedules = download(manifest, "Schedule", token, Schedule.class);
    List<Slot> slots = download(manifest, "Slot", token, Slot.class);
    assertThat(schedules).hasSize(1);
    assertThat(slots).hasSize(2);
    Set<String> locationIds =
        locations.stream().map(l -> "Location/" + l.getIdPart()).collect(Collectors.toSet());
    assertThat(schedules.get(0).getActorFirstRep().getReference()).isIn(locationIds);
    assertThat(slots)
        .allSatisfy(
            s ->
                assertThat(s.getSchedule().getReference())
                    .isEqualTo("Schedule/" + schedules.get(0).getIdPart()));
    assertThat(slots)
        .extracting(s -> s.getIdPart() + "=" + s.getStatus().toCode())
        .contains(booked + "=busy");
    assertThat(slots).extracting(s -> s.getStatus().toCode()).containsOnly("busy", "free");
    assertThat(locations.toString() + schedules).doesNotContain("Elsewhere");
    assertThat(doctor).isNotBlank();

    // Another insurer's manifest is its own: none of these slots.
    String otherToken = InsurerFhirClients.token(operator(), port, other.id(), BOOKING);
    JsonNode theirs = json.readTree(get("/fhir/$bulk-publish", otherToken).body());
    assertThat(download(theirs, "Slot", otherToken, Slot.class))
        .extracting(Slot::getIdPart)
        .doesNotContain(booked)
        .hasSize(2);
    // Reading slots is a scope like any other.
    String practitionersOnly =
        InsurerFhirClients.token(operator(), port, insurer.id(), "system/Practitioner.read");
    assertThat(get("/fhir/$bulk-publish", practitionersOnly).statusCode()).isEqualTo(403);
    assertThat(
            unauthenticated()
                .capabilities()
                .ofType(CapabilityStatement.class)
                .execute()
                .getRestFirstRep()
                .getOperation())
        .extracting(o -> o.getName())
        .contains("bulk-publish");
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    URI uri =
        path.startsWith("http") ? URI.create(path) : URI.create("http://localhost:" + port + path);
    return http.send(
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private <T extends Resource> List<T> download(
      JsonNode manifest, String type, String token, Class<T> kind) throws Exception {
    List<T> all = new ArrayList<>();
    for (JsonNode output : manifest.get("output")) {
      if (!output.get("type").asText().equals(type)) {
        continue;
      }
      HttpResponse<String> file = get(output.get("url").asText(), token);
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("application/fhir+ndjson");
      for (String line : file.body().split("\n")) {
        if (!line.isBlank()) {
          all.add(kind.cast(InsurerFhirClients.FHIR.newJsonParser().parseResource(line)));
        }
      }
    }
    return all;
  }
}
