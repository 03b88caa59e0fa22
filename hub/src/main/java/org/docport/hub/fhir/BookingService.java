package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.docport.hub.registry.Doctors;
import org.docport.hub.scheduling.Appointments;
import org.docport.mappings.SchedulingMapper;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Booking at {@code /fhir}: an insurer holds ({@code Appointment/$hold}), books ({@code
 * Appointment/$book}, {@code POST Appointment}), reads, searches, cancels and reschedules ({@code
 * PUT Appointment/{id}}) its own appointments, and no other insurer's: another insurer's
 * appointment is not found, exactly as one that never existed. Writing needs {@code
 * system/Appointment.write} (or {@code .cu}); a slot somebody else took is a 409 with an
 * OperationOutcome that says so.
 */
@Component
class BookingService {

  static final String APPOINTMENT = "Appointment";

  private static final Set<AppointmentStatus> TO_BOOK =
      EnumSet.of(AppointmentStatus.PROPOSED, AppointmentStatus.PENDING, AppointmentStatus.BOOKED);

  private static final Set<AppointmentStatus> TO_HOLD =
      EnumSet.of(AppointmentStatus.PROPOSED, AppointmentStatus.PENDING);

  private final FhirContext fhir;
  private final Callers callers;
  private final Appointments appointments;
  private final CalendarQueries queries;
  private final Doctors doctors;
  private final CalendarFeed feed;
  private final Clock clock = Clock.systemUTC();

  BookingService(
      FhirContext fhir,
      Callers callers,
      Appointments appointments,
      CalendarQueries queries,
      Doctors doctors,
      CalendarFeed feed) {
    this.fhir = fhir;
    this.callers = callers;
    this.appointments = appointments;
    this.queries = queries;
    this.doctors = doctors;
    this.feed = feed;
  }

  Appointment read(IdType id) {
    Caller caller = callers.current();
    DirectoryService.require(caller.scopes().mayRead(APPOINTMENT), "reading", APPOINTMENT);
    return appointments
        .find(caller.insurerId(), id.getIdPart())
        .map(this::appointment)
        .orElseThrow(() -> new ResourceNotFoundException(id.withResourceType(APPOINTMENT)));
  }

  /**
   * The insurer's appointments: by {@code date} (the start, with prefixes), {@code status}, {@code
   * actor} or {@code practitioner} (the doctor's Practitioner), in start order.
   */
  IBundleProvider search(RequestDetails request) {
    Caller caller = callers.current();
    DirectoryService.require(caller.scopes().maySearch(APPOINTMENT), "searching", APPOINTMENT);
    Instant from = null;
    Instant to = null;
    Set<Appointments.Status> statuses = EnumSet.noneOf(Appointments.Status.class);
    UUID doctorId = null;
    int count = SlotSearch.DEFAULT_COUNT;
    for (Map.Entry<String, String[]> entry : request.getParameters().entrySet()) {
      for (String value : entry.getValue()) {
        switch (entry.getKey()) {
          case "date" -> {
            Instant[] range = SlotSearch.narrowed("date", from, to, value);
            from = range[0];
            to = range[1];
          }
          case "status" -> {
            for (String code : value.split(",")) {
              statuses.addAll(statuses(code));
            }
          }
          case "actor", "practitioner" -> {
            String id = value.startsWith("Practitioner/") ? value.substring(13) : value;
            // A practitioner the insurer never saw has no appointments of this insurer.
            doctorId = queries.everShown(caller.insurerId(), id).orElse(new UUID(0, 0));
          }
          case "_count" -> count = SlotSearch.count(value);
          default -> {
            if (!entry.getKey().startsWith("_") && !DirectoryService.lenient(request)) {
              throw new InvalidRequestException(
                  "Appointment search does not support the parameter '"
                      + entry.getKey()
                      + "'. Supported: date, status, actor, practitioner, _count.");
            }
          }
        }
      }
    }
    List<IBaseResource> found = new ArrayList<>();
    // One profile read per doctor in the answer, not one per appointment.
    Map<UUID, List<Coding>> specialties = new HashMap<>();
    for (Appointments.Stored stored :
        appointments.ofInsurer(
            caller.insurerId(),
            new Appointments.Query(from, to, statuses, doctorId, null, count))) {
      found.add(appointment(stored, specialties));
    }
    return DirectoryResults.of(UUID.randomUUID().toString(), PagedSearches.FIRST_PAGE, null, found);
  }

  /** {@code POST Appointment}: books the slot the appointment names. */
  MethodOutcome create(Appointment requested) {
    Caller caller = writer();
    BookingRequests.Booking booking = BookingRequests.parse(fhir, requested, TO_BOOK);
    Appointment booked =
        answer(
            caller,
            appointments.book(
                caller.insurerId(), booking.slotId(), booking.patient(), booking.coverage()));
    return new MethodOutcome(booked.getIdElement(), true).setResource(booked);
  }

  /** {@code Appointment/$hold}: holds the slot for {@code minutes} (10 when null, at most 60). */
  Appointment hold(Appointment requested, Integer minutes) {
    Caller caller = writer();
    BookingRequests.Booking booking = BookingRequests.parse(fhir, requested, TO_HOLD);
    Duration length =
        Appointments.holdLength(minutes)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "'hold-minutes' must be 1 to "
                            + Appointments.MAX_HOLD.toMinutes()
                            + ", not "
                            + minutes
                            + "."));
    return answer(
        caller,
        appointments.hold(
            caller.insurerId(),
            booking.slotId(),
            booking.patient(),
            booking.coverage(),
            clock.instant().plus(length)));
  }

  /**
   * {@code Appointment/$book}: books what the insurer holds ({@code appointment-reference}) or a
   * new appointment ({@code appointment-resource}).
   */
  Appointment book(Appointment requested, Reference held) {
    Caller caller = writer();
    if ((requested == null) == (held == null)) {
      throw new InvalidRequestException(
          "$book takes either 'appointment-reference' (Appointment/{id} of a hold) or"
              + " 'appointment-resource' (a new Appointment), one of them.");
    }
    if (held != null) {
      IdType id = new IdType(held.getReference());
      if (!APPOINTMENT.equals(id.getResourceType()) || !id.hasIdPart()) {
        throw new InvalidRequestException(
            "'appointment-reference' must be Appointment/{id}, not '" + held.getReference() + "'.");
      }
      return answer(caller, appointments.confirm(caller.insurerId(), id.getIdPart()));
    }
    BookingRequests.Booking booking = BookingRequests.parse(fhir, requested, TO_BOOK);
    return answer(
        caller,
        appointments.book(
            caller.insurerId(), booking.slotId(), booking.patient(), booking.coverage()));
  }

  /**
   * {@code PUT Appointment/{id}}: cancels it (status cancelled, the reason in {@code
   * cancelationReason}), books a hold (status booked), or moves it to the slot it now names.
   */
  MethodOutcome update(IdType id, Appointment requested) {
    Caller caller = writer();
    Appointments.Stored current =
        appointments
            .find(caller.insurerId(), id.getIdPart())
            .orElseThrow(() -> new ResourceNotFoundException(id.withResourceType(APPOINTMENT)));
    if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(Long.toString(current.version()))) {
      throw new ResourceVersionConflictException(
          "Appointment/"
              + id.getIdPart()
              + " is at version "
              + current.version()
              + ", not "
              + id.getVersionIdPart()
              + "; read it again.");
    }
    AppointmentStatus status = requested.getStatus();
    Appointments.Outcome outcome;
    if (status == AppointmentStatus.CANCELLED) {
      outcome =
          appointments.cancel(
              caller.insurerId(),
              id.getIdPart(),
              requested.hasCancelationReason() ? requested.getCancelationReason().getText() : null);
    } else if (status == AppointmentStatus.BOOKED || status == AppointmentStatus.PENDING) {
      String slotId = BookingRequests.slotId(requested);
      if (!slotId.equals(current.slotId())) {
        outcome = appointments.reschedule(caller.insurerId(), id.getIdPart(), slotId);
      } else if (status == AppointmentStatus.BOOKED
          && current.status() == Appointments.Status.HELD) {
        outcome = appointments.confirm(caller.insurerId(), id.getIdPart());
      } else if (current.status() == Appointments.Status.BOOKED
          || (current.status() == Appointments.Status.HELD
              && status == AppointmentStatus.PENDING)) {
        outcome = new Appointments.Booked(id.getIdPart());
      } else {
        outcome =
            new Appointments.Unavailable(
                id.getIdPart(), "it is " + current.status() + " and cannot be booked again");
      }
    } else {
      throw BookingRequests.refused(
          "An insurer may set Appointment.status to booked (to book a hold or move to another"
              + " slot) or cancelled, not "
              + (status == null ? "nothing" : status.toCode())
              + "; arrived, fulfilled and noshow are the doctor's to record.");
    }
    Appointment answered = answer(caller, outcome);
    return new MethodOutcome(answered.getIdElement(), false).setResource(answered);
  }

  /** The appointment an outcome left, or the error that says why there is none. */
  private Appointment answer(Caller caller, Appointments.Outcome outcome) {
    String appointmentId;
    if (outcome instanceof Appointments.Done done) {
      appointmentId = done.appointmentId();
    } else if (outcome instanceof Appointments.Taken t) {
      throw new ResourceVersionConflictException(
          "Slot/"
              + t.slotId()
              + " is taken: another appointment holds that time. Search for free slots again"
              + " (Slot?status=free).");
    } else if (outcome instanceof Appointments.Unavailable u) {
      throw new ResourceVersionConflictException(
          u.id()
              + " cannot be booked: "
              + (u.why() == null ? "the doctor is unavailable then" : u.why())
              + ".");
    } else {
      throw new ResourceNotFoundException(
          ((Appointments.NotFound) outcome).id()
              + " was not found: no such slot or appointment of yours, or it is past.");
    }
    return appointments
        .find(caller.insurerId(), appointmentId)
        .map(this::appointment)
        .orElseThrow(() -> new ResourceNotFoundException(new IdType(APPOINTMENT, appointmentId)));
  }

  private Caller writer() {
    Caller caller = callers.current();
    if (!caller.scopes().mayWrite(APPOINTMENT)) {
      throw new ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException(
          "The access token's scopes do not allow booking; ask for system/Appointment.write"
              + " or system/Appointment.cu.");
    }
    return caller;
  }

  /** The insurer's appointment as stored now, for a notification (no caller to check). */
  Optional<Appointments.Stored> current(String insurerId, String appointmentId) {
    return appointments.find(insurerId, appointmentId);
  }

  /** The appointment as its insurer reads it. */
  Appointment appointment(Appointments.Stored stored) {
    return appointment(stored, new HashMap<>());
  }

  /** The appointment, with its doctor's specialties from {@code specialties} or the profile. */
  private Appointment appointment(Appointments.Stored stored, Map<UUID, List<Coding>> specialties) {
    List<Coding> ofDoctor =
        specialties.computeIfAbsent(
            stored.doctorId(),
            id -> doctors.find(id).map(DoctorSnapshot::specialties).orElse(List.of()));
    Appointment appointment = SchedulingMapper.appointment(feed.booked(stored, ofDoctor));
    appointment.setId(new IdType(APPOINTMENT, stored.id(), Long.toString(stored.version())));
    appointment
        .getMeta()
        .setVersionId(Long.toString(stored.version()))
        .setLastUpdated(Date.from(stored.updated()));
    return appointment;
  }

  /** The stored statuses a FHIR status code searches for. */
  private static Set<Appointments.Status> statuses(String code) {
    return switch (code.trim().toLowerCase(Locale.ROOT)) {
      case "pending" -> EnumSet.of(Appointments.Status.HELD);
      case "booked" -> EnumSet.of(Appointments.Status.BOOKED);
      case "arrived" -> EnumSet.of(Appointments.Status.ARRIVED);
      case "fulfilled" -> EnumSet.of(Appointments.Status.FULFILLED);
      case "noshow" -> EnumSet.of(Appointments.Status.NOSHOW);
      case "cancelled" -> EnumSet.of(Appointments.Status.CANCELLED, Appointments.Status.EXPIRED);
      default ->
          throw new InvalidRequestException(
              "'status' takes pending, booked, arrived, fulfilled, noshow or cancelled, not '"
                  + code
                  + "'.");
    };
  }
}
