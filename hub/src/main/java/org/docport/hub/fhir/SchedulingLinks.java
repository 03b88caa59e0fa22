package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.hub.registry.Doctors;
import org.docport.mappings.SchedulingMapper;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.OfferedSlot;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMART Scheduling Links (the Slot Publisher API) for each insurer, over what it may see, like
 * everything at {@code /fhir}: a {@code $bulk-publish} manifest naming a Location file, a Schedule
 * file and a Slot file per ISO week up to the last slot, each NDJSON generated as it is downloaded
 * with the insurer's token (read scope on Location, Schedule and Slot). Slots are {@code free} or
 * {@code busy}, as the specification has them; a Schedule names its Location first. What each file
 * carried of each doctor is recorded as a disclosure. {@code _since} is ignored, as the
 * specification allows: every file is whole.
 */
@Component
class SchedulingLinks {

  private static final List<String> TYPES = List.of("Location", "Schedule", "Slot");

  private final Callers callers;
  private final CalendarQueries queries;
  private final Doctors doctors;
  private final Disclosures disclosures;
  private final FhirContext fhir;
  private final ObjectMapper json;
  private final TransactionTemplate reading;
  private final Clock clock = Clock.systemUTC();

  SchedulingLinks(
      Callers callers,
      CalendarQueries queries,
      Doctors doctors,
      Disclosures disclosures,
      FhirContext fhir,
      ObjectMapper json,
      PlatformTransactionManager transactions) {
    this.callers = callers;
    this.queries = queries;
    this.doctors = doctors;
    this.disclosures = disclosures;
    this.fhir = fhir;
    this.json = json;
    // A cursor: the rows are streamed, not held (PostgreSQL fetches in batches only in one).
    this.reading = new TransactionTemplate(transactions);
    this.reading.setReadOnly(true);
  }

  void manifest(ServletRequestDetails request) throws IOException {
    Caller caller = reader();
    String base = request.getFhirServerBase();
    Instant now = clock.instant();
    ObjectNode manifest = json.createObjectNode();
    manifest.put("transactionTime", now.toString());
    manifest.put("request", base + "/$bulk-publish");
    ArrayNode output = manifest.putArray("output");
    output.addObject().put("type", "Location").put("url", file(base, "Location", null));
    output.addObject().put("type", "Schedule").put("url", file(base, "Schedule", null));
    LocalDate monday =
        LocalDate.ofInstant(now, ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    Instant last = queries.lastSlotStart(caller.insurerId()).orElse(null);
    for (LocalDate week = monday;
        last != null && week.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(last.plusSeconds(1));
        week = week.plusWeeks(1)) {
      output
          .addObject()
          .put("type", "Slot")
          .put("url", file(base, "Slot", isoWeek(week)))
          .putObject("extension")
          .put("week", isoWeek(week));
    }
    manifest.putArray("error");
    HttpServletResponse response = request.getServletResponse();
    response.setStatus(200);
    response.setContentType("application/json");
    json.writeValue(response.getOutputStream(), manifest);
  }

  void file(ServletRequestDetails request, String type, String week) throws IOException {
    Caller caller = reader();
    if (!TYPES.contains(type)) {
      throw new InvalidRequestException(
          "'_type' is Location, Schedule or Slot, not '" + type + "'.");
    }
    if (type.equals("Slot") == (week == null)) {
      throw new InvalidRequestException(
          "'_week' (2027-W02) goes with _type=Slot, and only with it.");
    }
    Writer out = BulkExportService.ndjson(request);
    IParser parser = fhir.newJsonParser().setPrettyPrint(false);
    Map<UUID, Integer> perDoctor = new LinkedHashMap<>();
    long[] count = {0};
    Sink sink =
        (doctorId, resource) -> {
          try {
            out.write(parser.encodeResourceToString(resource));
            out.write('\n');
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          perDoctor.merge(doctorId, 1, Integer::sum);
          count[0]++;
        };
    reading.executeWithoutResult(
        s -> {
          switch (type) {
            case "Location" -> locations(caller.insurerId(), sink);
            case "Schedule" -> schedules(caller.insurerId(), sink);
            default -> slots(caller.insurerId(), week(week), sink);
          }
        });
    out.flush();
    disclosures.record(
        caller,
        "bulk-publish",
        "$bulk-publish-file?_type=" + type + (week == null ? "" : "&_week=" + week),
        perDoctor,
        count[0]);
  }

  /** Where a resource goes, with the doctor it is of. */
  private interface Sink {
    void accept(UUID doctorId, Resource resource);
  }

  private void locations(String insurerId, Sink sink) {
    queries.bookableLocations(
        insurerId, stored -> sink.accept(stored.doctorId(), Resources.parse(fhir, stored)));
  }

  private void schedules(String insurerId, Sink sink) {
    Map<UUID, List<Coding>> specialties = new HashMap<>();
    queries.schedulesVisibleTo(
        insurerId,
        service -> {
          List<Coding> ofDoctor =
              specialties.computeIfAbsent(
                  service.doctorId(),
                  id -> doctors.find(id).map(DoctorSnapshot::specialties).orElse(List.of()));
          Schedule schedule = SchedulingMapper.schedule(service.withSpecialties(ofDoctor));
          // Slot finders read a Schedule's Location from its first actor.
          List<Reference> actors = schedule.getActor();
          actors.sort(
              (a, b) ->
                  Boolean.compare(
                      !a.getReference().startsWith("Location/"),
                      !b.getReference().startsWith("Location/")));
          sink.accept(service.doctorId(), schedule);
        });
  }

  private void slots(String insurerId, LocalDate monday, Sink sink) {
    Instant from = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    queries.slotsVisibleTo(
        insurerId,
        from,
        to,
        clock.instant(),
        (doctorId, offered) -> {
          Slot slot = SchedulingMapper.slot(offered);
          // The specification has two statuses: whatever is not free is busy.
          if (offered.status() != OfferedSlot.Status.FREE) {
            slot.setStatus(Slot.SlotStatus.BUSY);
          }
          sink.accept(doctorId, slot);
        });
  }

  private Caller reader() {
    Caller caller = callers.current();
    for (String type : TYPES) {
      DirectoryService.require(caller.scopes().mayRead(type), "reading", type);
    }
    return caller;
  }

  private static String file(String base, String type, String week) {
    return base + "/$bulk-publish-file?_type=" + type + (week == null ? "" : "&_week=" + week);
  }

  private static String isoWeek(LocalDate monday) {
    return monday.get(IsoFields.WEEK_BASED_YEAR)
        + "-W"
        + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static LocalDate week(String week) {
    try {
      return LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          "'_week' is an ISO week such as 2027-W02, not '" + week + "'.");
    }
  }
}
