package org.docport.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.mappings.MappedDoctor;
import org.docport.mappings.MappingProfiles;
import org.docport.mappings.PublishedResources;
import org.docport.mappings.SchedulingMapper;
import org.docport.mappings.document.DoctorCalendar;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of every connector route: re-check consent and load the doctor's current snapshot
 * and calendar changes at delivery time, then map them; for the insurer's own pair ({@link
 * DeliveryJob#INSURERS_OWN}), re-check that the insurer sees a doctor and map its current profile.
 * Answers {@link DeliveryResult.Skipped} when the doctor must not (or no longer) be published to
 * this insurer, and {@link DeliveryResult.Held} when an operator has paused the insurer since the
 * pair was claimed.
 */
public final class DeliveryPreparation {

  private static final Logger log = LoggerFactory.getLogger(DeliveryPreparation.class);

  private final DeliverySubjects subjects;

  public DeliveryPreparation(DeliverySubjects subjects) {
    this.subjects = subjects;
  }

  /**
   * The doctor under the insurer's profile and code map. Under a FHIR profile: the doctor's
   * resources with a Schedule per service the doctor offers (after the Practitioner and Locations
   * they refer to), and the calendar's changes; under {@code docport-json}: the doctor's document.
   * Codes the code map could not translate are reported, and published as the registry holds them.
   */
  private PreparedDelivery map(DeliveryJob job, DeliverySubject s) {
    MappedDoctor mapped;
    try {
      mapped =
          MappingProfiles.doctor(
              s.mapping().profile(), s.doctor(), s.insurer(), s.mapping().codeMap());
    } catch (IllegalArgumentException e) {
      throw unmappable("doctor " + job.doctorId() + " cannot be mapped for " + job.insurerId(), e);
    }
    if (s.mapping().translates()) {
      subjects.unmapped(job.insurerId(), job.doctorId(), mapped.unmapped());
    }
    if (mapped instanceof MappedDoctor.Json json) {
      CalendarChanges calendar = s.calendar();
      return PreparedDelivery.message(
          job,
          s.doctor().version(),
          json.message(),
          calendar.version() == 0
              ? null
              : DoctorCalendar.of(
                  calendar.version(),
                  calendar.slots(),
                  calendar.removedSlotIds(),
                  calendar.appointments()));
    }
    List<Resource> resources =
        new ArrayList<>(((MappedDoctor.Fhir) mapped).resources().resources());
    CalendarChanges calendar = s.calendar();
    calendar.schedules().stream()
        .map(
            service -> SchedulingMapper.schedule(service.withSpecialties(s.doctor().specialties())))
        .forEach(resources::add);
    return new PreparedDelivery(
        job,
        s.doctor().version(),
        new PublishedResources(resources),
        new PreparedCalendar(
            calendar.version(),
            calendar.slots().stream().map(SchedulingMapper::slot).toList(),
            calendar.removedSlotIds(),
            calendar.appointments().stream()
                .map(
                    a ->
                        SchedulingMapper.pushed(
                            a.withService(a.service().withSpecialties(s.doctor().specialties()))))
                .toList()));
  }

  /** Retrying cannot fix data the mapping refuses: park it for an operator. */
  private static RejectedDeliveryException unmappable(String what, IllegalArgumentException e) {
    return new RejectedDeliveryException(
        what + ": " + e.getMessage(), RejectedDeliveryException.NOT_HTTP, null, e);
  }

  /**
   * Reads the registry for the jobs of one claim together ({@link DeliverySubjects#findAll}),
   * before they wait for a worker: one query for the claim instead of one per job. This is as safe
   * as the read at delivery time. Each job holds its pair's lease from before the read, so a
   * consent withdrawn after it waits for the attempt to end and withdraws what it sent. A version
   * committed after the read leaves the pair due, since the receipt records the version read. A job
   * the read found nothing for (the doctor is no longer visible), the insurer's own pair, and every
   * job of a read that failed, read at delivery time as before.
   */
  public List<DeliveryJob> readAhead(String insurerId, List<DeliveryJob> jobs) {
    List<DeliveryJob> doctors = jobs.stream().filter(job -> !job.insurersOwn()).toList();
    if (doctors.isEmpty()) {
      return jobs;
    }
    Map<UUID, DeliverySubject> found;
    try {
      found = subjects.findAll(insurerId, doctors);
    } catch (RuntimeException e) {
      log.warn(
          "Could not read ahead {} deliveries to {}; each reads at delivery time",
          doctors.size(),
          insurerId,
          e);
      return jobs;
    }
    // The insurer's own pair was not asked for, so it is never found.
    return jobs.stream()
        .map(
            job -> {
              DeliverySubject subject = found.get(job.doctorId());
              return subject == null ? job : job.withReadAhead(subject);
            })
        .toList();
  }

  /** Returns a {@link PreparedDelivery}, or a {@link DeliveryResult} when nothing is to be sent. */
  public Object prepare(DeliveryJob job) {
    if (job.insurersOwn()) {
      return prepareInsurer(job);
    }
    return job.readAhead()
        .or(() -> subjects.find(job.insurerId(), job.doctorId(), job.calendarHeld()))
        .<Object>map(
            subject ->
                subject.insurerPaused()
                    ? new DeliveryResult.Held("insurer paused at delivery time")
                    : map(job, subject))
        .orElseGet(() -> new DeliveryResult.Skipped("no active consent at delivery time"));
  }

  private Object prepareInsurer(DeliveryJob job) {
    return subjects
        .insurer(job.insurerId())
        .<Object>map(
            subject ->
                subject.insurerPaused()
                    ? new DeliveryResult.Held("insurer paused at delivery time")
                    : new PreparedDelivery(job, subject.version(), mapInsurer(job, subject)))
        .orElseGet(() -> new DeliveryResult.Skipped("the insurer sees no doctor at delivery time"));
  }

  private static PublishedResources mapInsurer(DeliveryJob job, InsurerSubject s) {
    try {
      return MappingProfiles.insurer(s.mapping().profile(), s.insurer());
    } catch (IllegalArgumentException e) {
      throw unmappable("insurer " + job.insurerId() + " cannot be mapped", e);
    }
  }
}
