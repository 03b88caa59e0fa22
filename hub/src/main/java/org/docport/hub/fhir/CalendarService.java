package org.docport.hub.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.hub.registry.Doctors;
import org.docport.mappings.SchedulingMapper;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.OfferedService;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.springframework.stereotype.Component;

/**
 * Slots and Schedules at {@code /fhir}: read and search, of the doctors the insurer may see now,
 * read live from the calendar (no projection: a booking shows as busy in the next answer). Each
 * answer is recorded as a disclosure of the doctors it was about, like the directory's.
 */
@Component
class CalendarService {

  static final String SLOT = "Slot";
  static final String SCHEDULE = "Schedule";

  private final CalendarQueries queries;
  private final Callers callers;
  private final Disclosures disclosures;
  private final PagedSearches pagedSearches;
  private final Doctors doctors;
  private final Clock clock = Clock.systemUTC();

  CalendarService(
      CalendarQueries queries,
      Callers callers,
      Disclosures disclosures,
      PagedSearches pagedSearches,
      Doctors doctors) {
    this.queries = queries;
    this.callers = callers;
    this.disclosures = disclosures;
    this.pagedSearches = pagedSearches;
    this.doctors = doctors;
  }

  Slot readSlot(IdType id) {
    Caller caller = callers.current();
    DirectoryService.require(caller.scopes().mayRead(SLOT), "reading", SLOT);
    CalendarQueries.ServedSlot found =
        queries
            .slot(caller.insurerId(), id.getIdPart(), clock.instant())
            .orElseThrow(() -> new ResourceNotFoundException(id.withResourceType(SLOT)));
    disclosures.record(caller, "read", "Slot/" + id.getIdPart(), Map.of(found.doctorId(), 1), 1);
    return slot(found);
  }

  IBundleProvider searchSlots(RequestDetails request) {
    Caller caller = callers.current();
    DirectoryService.require(caller.scopes().maySearch(SLOT), "searching", SLOT);
    boolean lenient = DirectoryService.lenient(request);
    SlotSearch search = SlotSearch.parse(request.getParameters(), lenient);
    CalendarQueries.SlotPage page =
        queries.slots(caller.insurerId(), search, null, clock.instant());
    String searchId =
        page.nextCursor() == null
            ? UUID.randomUUID().toString()
            : pagedSearches
                .store(caller.insurerId(), SLOT, request.getParameters(), lenient)
                .toString();
    return slotResults(caller, request, searchId, PagedSearches.FIRST_PAGE, page);
  }

  /** A next page of a slot search, for the insurer that searched. */
  IBundleProvider slotPage(
      RequestDetails request, PagedSearches.StoredSearch stored, String pageId) {
    Caller caller = callers.current();
    if (!stored.insurerId().equals(caller.insurerId())) {
      throw PagedSearches.gone(stored.id().toString());
    }
    DirectoryService.require(caller.scopes().maySearch(SLOT), "searching", SLOT);
    SlotSearch search = SlotSearch.parse(stored.parameters(), stored.lenient());
    String cursor = PagedSearches.FIRST_PAGE.equals(pageId) ? null : pageId;
    if (cursor != null && !cursor.contains("|")) {
      throw PagedSearches.gone(stored.id().toString());
    }
    CalendarQueries.SlotPage page =
        queries.slots(caller.insurerId(), search, cursor, clock.instant());
    return slotResults(caller, request, stored.id().toString(), pageId, page);
  }

  Schedule readSchedule(IdType id) {
    Caller caller = callers.current();
    DirectoryService.require(caller.scopes().mayRead(SCHEDULE), "reading", SCHEDULE);
    OfferedService found =
        queries
            .schedule(caller.insurerId(), id.getIdPart())
            .orElseThrow(() -> new ResourceNotFoundException(id.withResourceType(SCHEDULE)));
    disclosures.record(
        caller, "read", "Schedule/" + id.getIdPart(), Map.of(found.doctorId(), 1), 1);
    return schedule(found, new LinkedHashMap<>());
  }

  /** {@code Schedule?actor=Practitioner/…} or {@code Location/…}: the actor is required. */
  IBundleProvider searchSchedules(RequestDetails request) {
    Caller caller = callers.current();
    DirectoryService.require(caller.scopes().maySearch(SCHEDULE), "searching", SCHEDULE);
    String[] actors = request.getParameters().get("actor");
    if (actors == null || actors.length != 1) {
      throw new InvalidRequestException(
          "Schedule search needs one 'actor': Practitioner/{id} or Location/{id}.");
    }
    String actor = actors[0];
    List<OfferedService> found;
    if (actor.startsWith("Location/")) {
      found = queries.schedulesAtLocation(caller.insurerId(), actor.substring(9));
    } else if (actor.startsWith("Practitioner/")) {
      found = queries.schedulesOfPractitioner(caller.insurerId(), actor.substring(13));
    } else {
      throw new InvalidRequestException(
          "'actor' takes Practitioner/{id} or Location/{id}, not '" + actor + "'.");
    }
    Map<UUID, DoctorSnapshot> profiles = new LinkedHashMap<>();
    List<IBaseResource> resources =
        found.stream().map(s -> (IBaseResource) schedule(s, profiles)).toList();
    Map<UUID, Integer> perDoctor = new LinkedHashMap<>();
    found.forEach(s -> perDoctor.merge(s.doctorId(), 1, Integer::sum));
    disclosures.record(
        caller, "search-type", DirectoryService.asked(request), perDoctor, found.size());
    return DirectoryResults.of(
        UUID.randomUUID().toString(), PagedSearches.FIRST_PAGE, null, resources);
  }

  private IBundleProvider slotResults(
      Caller caller,
      RequestDetails request,
      String searchId,
      String pageId,
      CalendarQueries.SlotPage page) {
    disclosures.record(
        caller,
        "search-type",
        DirectoryService.asked(request),
        page.perDoctor(),
        page.slots().size());
    List<IBaseResource> resources =
        page.slots().stream().map(s -> (IBaseResource) slot(s)).toList();
    return DirectoryResults.of(searchId, pageId, page.nextCursor(), resources);
  }

  private static Slot slot(CalendarQueries.ServedSlot served) {
    Slot slot = SchedulingMapper.slot(served.slot());
    slot.setId(new IdType(SLOT, slot.getIdPart(), Long.toString(served.version())));
    slot.getMeta()
        .setVersionId(Long.toString(served.version()))
        .setLastUpdated(Date.from(served.lastUpdated()));
    return slot;
  }

  /** The Schedule, with the doctor's specialties from the profile (read once per answer). */
  private Schedule schedule(OfferedService service, Map<UUID, DoctorSnapshot> profiles) {
    DoctorSnapshot doctor =
        profiles.computeIfAbsent(service.doctorId(), id -> doctors.find(id).orElse(null));
    return SchedulingMapper.schedule(
        service.withSpecialties(doctor == null ? List.of() : doctor.specialties()));
  }
}
