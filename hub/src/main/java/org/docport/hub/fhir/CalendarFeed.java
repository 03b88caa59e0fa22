package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.connectors.CalendarChanges;
import org.docport.connectors.Withdrawal;
import org.docport.hub.scheduling.Appointments;
import org.docport.hub.scheduling.CalendarVersions;
import org.docport.mappings.snapshot.BookedAppointment;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.OfferedService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Doctors' calendars as connectors push them: what changed since the calendar version an insurer
 * holds, read in one snapshot (repeatable read), so the slots, removals and appointments it lists
 * are exactly those up to the version it names; and, when a consent ends, everything of the
 * calendar the insurer may hold. The caller has checked that the insurer may see the doctor.
 */
@Component
public class CalendarFeed {

  private final CalendarQueries queries;
  private final Appointments appointments;
  private final CalendarVersions versions;
  private final FhirContext fhir;
  private final TransactionTemplate snapshot;
  private final Clock clock = Clock.systemUTC();

  CalendarFeed(
      CalendarQueries queries,
      Appointments appointments,
      CalendarVersions versions,
      FhirContext fhir,
      PlatformTransactionManager transactions) {
    this.queries = queries;
    this.appointments = appointments;
    this.versions = versions;
    this.fhir = fhir;
    this.snapshot = new TransactionTemplate(transactions);
    snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.setReadOnly(true);
  }

  /**
   * What the insurer is to be told of the doctor's calendar: the changes after version {@code
   * held}, or the whole calendar when {@code held} is null. The schedules are always all of them.
   */
  public CalendarChanges changes(UUID doctorId, String insurerId, Long held) {
    Instant now = clock.instant();
    return snapshot.execute(
        status -> {
          long version = versions.current(doctorId);
          List<OfferedService> schedules = queries.schedulesOfDoctor(doctorId);
          if (held != null && held >= version) {
            return new CalendarChanges(version, schedules, List.of(), List.of(), List.of());
          }
          List<String> removed = new ArrayList<>();
          if (held != null) {
            removed.addAll(queries.removedSlots(doctorId, held));
            removed.addAll(queries.reservedForOthers(doctorId, insurerId, held));
          }
          return new CalendarChanges(
              version,
              schedules,
              queries.changedSlots(doctorId, insurerId, held, now),
              removed,
              appointments.changedFor(insurerId, doctorId, held).stream()
                  .map(a -> booked(a, List.of()))
                  .toList());
        });
  }

  /**
   * Takes back what the insurer holds of the doctor: {@code published} (the doctor's resources and
   * schedules), every slot the doctor offers or offered, and the insurer's appointment copies.
   */
  public Withdrawal withdrawal(String insurerId, UUID doctorId, Map<String, String> published) {
    return snapshot.execute(
        status ->
            new Withdrawal(
                insurerId,
                doctorId,
                published,
                queries.slotsEverOffered(doctorId),
                appointments.idsFor(insurerId, doctorId)));
  }

  /** The appointment as the mapping takes it, with the doctor's specialties as given. */
  BookedAppointment booked(Appointments.Stored stored, List<Coding> specialties) {
    return new BookedAppointment(
        stored.id(),
        new OfferedService(
            stored.doctorId(),
            stored.locationId(),
            stored.serviceId(),
            stored.serviceName(),
            queries.coding(stored.serviceType()),
            stored.telemedicine(),
            specialties),
        stored.slotId(),
        stored.start(),
        stored.end(),
        BookedAppointment.Status.valueOf(stored.status().name()),
        stored.holdUntil(),
        stored.meetingLink(),
        SuppliedReferences.read(fhir, stored.patient()),
        SuppliedReferences.read(fhir, stored.coverage()),
        stored.cancellationReason(),
        stored.rescheduleReason(),
        stored.created());
  }
}
