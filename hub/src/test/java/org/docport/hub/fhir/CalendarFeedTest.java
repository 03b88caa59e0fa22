package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * The doctor's iCalendar feed as a calendar app uses it: subscribed at a secret URL without an
 * account, polled with ETags, its events updated and cancelled in place (stable UID, growing
 * SEQUENCE), naming no patient; a new URL ends the old one, and a revoked feed is gone.
 */
class CalendarFeedTest extends BookingTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aCalendarAppSubscribesPollsAndSeesChangesWithStableUids() throws Exception {
    Insurer insurer = insurer();
    String doctor = bookableDoctor("Feed", insurer);
    IGenericClient fhir = booking(insurer);
    String appointment = create(fhir, freeSlots(fhir, "Feed").get(0)).getIdPart();
    String feedApi = "/api/doctors/" + doctor + "/calendar-feed";

    String url = operator().post(feedApi, Map.of()).expect(201).body().get("url").asText();

    HttpResponse<String> first = get(url, null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/calendar");
    VEvent booked = onlyEvent(first.body());
    assertThat(booked.getUid().get().getValue()).isEqualTo(appointment + "@docport");
    assertThat(booked.getStatus().getValue()).isEqualTo("CONFIRMED");
    assertThat(booked.getSummary().getValue()).contains("Consultation");
    // The patient (Meera Rao, in BookingTest.request) is not in a third party's calendar.
    assertThat(first.body()).doesNotContain("Meera");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(get(url, etag).statusCode()).isEqualTo(304);

    operator()
        .post(
            "/api/doctors/" + doctor + "/appointments/" + appointment + "/cancel",
            Map.of("reason", "the doctor is unwell"))
        .expect(200);

    HttpResponse<String> after = get(url, etag);
    assertThat(after.statusCode()).isEqualTo(200);
    VEvent cancelled = onlyEvent(after.body());
    assertThat(cancelled.getUid().get().getValue()).isEqualTo(appointment + "@docport");
    assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
    assertThat(Integer.parseInt(cancelled.getSequence().getValue()))
        .isGreaterThan(Integer.parseInt(booked.getSequence().getValue()));

    assertThat(operator().get(feedApi).expect(200).body().hasNonNull("url")).isFalse();
    String rotated = operator().post(feedApi, Map.of()).expect(201).body().get("url").asText();
    assertThat(get(url, null).statusCode()).isEqualTo(404);
    assertThat(get(rotated, null).statusCode()).isEqualTo(200);
    operator().delete(feedApi).expect(204);
    assertThat(get(rotated, null).statusCode()).isEqualTo(404);
    operator().get(feedApi).expect(404);
    assertThat(get(url.replaceAll("/ical/.*", "/ical/not-a-secret.ics"), null).statusCode())
        .isEqualTo(404);
  }

  private HttpResponse<String> get(String url, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static VEvent onlyEvent(String ics) throws Exception {
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(1);
    return events.get(0);
  }
}
