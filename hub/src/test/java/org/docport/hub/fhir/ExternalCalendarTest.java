package org.docport.hub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A doctor's calendar elsewhere, served by a private iCalendar URL as Google or Outlook serve one:
 * its busy times block the slots they overlap at every insurer, it is read again only when it
 * changed (ETag), and removing it frees the slots.
 */
class ExternalCalendarTest extends BookingTest {

  private static final Duration SOON = Duration.ofSeconds(20);

  @Test
  void busyTimesElsewhereBlockTheSlotsTheyOverlapUntilTheCalendarLetsThemGo() throws Exception {
    Insurer insurer = insurer();
    String doctor = bookableDoctor("Elsewhere", insurer);
    IGenericClient fhir = booking(insurer);
    List<String> slots = freeSlots(fhir, "Elsewhere");
    // The clinic's first slot, 09:00-09:20 in Kolkata, is a meeting in the other calendar.
    AtomicReference<String> ics = new AtomicReference<>(meetingAt("0900", "0920"));
    AtomicInteger full = new AtomicInteger();
    AtomicInteger notModified = new AtomicInteger();
    HttpServer calendar =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    calendar.createContext(
        "/private/basic.ics",
        exchange -> {
          String body = ics.get();
          String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
          if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
          } else {
            full.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    calendar.start();
    try {
      String api = "/api/doctors/" + doctor + "/external-calendars";
      String url = "http://localhost:" + calendar.getAddress().getPort() + "/private/basic.ics";

      JsonNode added =
          operator().post(api, Map.of("url", url, "name", "Hospital rota")).expect(201).body();

      assertThat(added.get("busyPeriods").asInt()).isEqualTo(1);
      assertThat(added.get("host").asText()).isEqualTo("localhost");
      assertThat(added.toString()).doesNotContain("/private/basic.ics");
      await()
          .atMost(SOON)
          .until(() -> statusAt(fhir, slotResource(fhir, slots.get(0))).equals("busy-unavailable"));
      assertThat(statusAt(fhir, slotResource(fhir, slots.get(1)))).isEqualTo("free");
      assertThat(slotResource(fhir, slots.get(0)).getComment()).contains("another calendar");

      String id = added.get("id").asText();
      operator().post(api + "/" + id + "/poll", Map.of()).expect(200);
      assertThat(notModified.get()).isEqualTo(1);
      assertThat(full.get()).isEqualTo(1);

      ics.set(meetingAt("0920", "0940"));
      operator().post(api + "/" + id + "/poll", Map.of()).expect(200);
      await()
          .atMost(SOON)
          .until(() -> statusAt(fhir, slotResource(fhir, slots.get(1))).equals("busy-unavailable"));
      assertThat(statusAt(fhir, slotResource(fhir, slots.get(0)))).isEqualTo("free");

      operator().delete(api + "/" + id).expect(204);
      await()
          .atMost(SOON)
          .until(() -> statusAt(fhir, slotResource(fhir, slots.get(1))).equals("free"));
      assertThat(operator().get(api).expect(200).body()).isEmpty();
    } finally {
      calendar.stop(0);
    }
  }

  @Test
  void aCalendarUrlMustBeHttpsAndAnUnreadableOneSaysWhy() {
    Insurer insurer = insurer();
    String doctor = bookableDoctor("Unreadable", insurer);
    String api = "/api/doctors/" + doctor + "/external-calendars";

    assertField(operator().post(api, Map.of("url", "ftp://calendar.example/x.ics")), "url");
    assertField(operator().post(api, Map.of("url", "http://calendar.example/x.ics")), "url");
    assertField(operator().post(api, Map.of("name", "no url")), "url");

    JsonNode refused =
        operator().post(api, Map.of("url", "http://localhost:9/nothing.ics")).expect(201).body();
    assertThat(refused.get("lastError").asText()).startsWith("the calendar could not be read");
    assertThat(refused.get("busyPeriods").asInt()).isZero();
  }

  /** A calendar with one meeting on the clinic day, local times in Kolkata. */
  private static String meetingAt(String start, String end) {
    String day = CLINIC_DAY.toString().replace("-", "");
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//rota//EN\r\n"
        + "BEGIN:VEVENT\r\nUID:meeting-1\r\nDTSTAMP:20261201T000000Z\r\n"
        + "DTSTART;TZID="
        + ZoneId.of("Asia/Kolkata")
        + ":"
        + day
        + "T"
        + start
        + "00\r\nDTEND;TZID=Asia/Kolkata:"
        + day
        + "T"
        + end
        + "00\r\nSUMMARY:Ward round\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  }
}
