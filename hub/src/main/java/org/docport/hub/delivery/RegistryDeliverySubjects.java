package org.docport.hub.delivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.docport.connectors.CalendarChanges;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.DeliverySubject;
import org.docport.connectors.DeliverySubjects;
import org.docport.connectors.InsurerSubject;
import org.docport.connectors.Withdrawal;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.fhir.CalendarFeed;
import org.docport.hub.insurer.InsurerContexts;
import org.docport.hub.insurer.Insurers;
import org.docport.mappings.codes.UnmappedCode;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Answers the connectors from the registry: the doctor's current profile, read in the same query
 * that checks, at the moment of delivery, that the doctor is visible to the insurer ({@link
 * InsurerVisibility}), whether the insurer is paused and which version of the insurer's profile is
 * current (a cached insurer older than that is read again, so a delivery never maps an insurer as
 * it was before an edit that committed first); and the doctor's calendar changes ({@link
 * CalendarFeed}). The rule is asked on the delivery lanes' connections: every caller is a lane, a
 * roster run or a saga's activity, none inside a transaction of the hub's.
 */
@Component
class RegistryDeliverySubjects implements DeliverySubjects {

  private final InsurerVisibility visibility;
  private final InsurerContexts contexts;
  private final Insurers insurers;
  private final CalendarFeed calendar;
  private final UnmappedCodes unmappedCodes;

  RegistryDeliverySubjects(
      @Qualifier(DeliveryConfiguration.LANES) InsurerVisibility visibility,
      InsurerContexts contexts,
      Insurers insurers,
      CalendarFeed calendar,
      UnmappedCodes unmappedCodes) {
    this.visibility = visibility;
    this.contexts = contexts;
    this.insurers = insurers;
    this.calendar = calendar;
    this.unmappedCodes = unmappedCodes;
  }

  @Override
  public Optional<DeliverySubject> find(String insurerId, UUID doctorId, Long calendarHeld) {
    return visibility
        .find(doctorId, insurerId)
        .flatMap(visible -> subject(insurerId, doctorId, calendarHeld, visible));
  }

  /** The same answers as {@link #find}, with one query for the visibility of all the doctors. */
  @Override
  public Map<UUID, DeliverySubject> findAll(String insurerId, List<DeliveryJob> jobs) {
    Map<UUID, InsurerVisibility.Visible> visible =
        visibility.findAll(jobs.stream().map(DeliveryJob::doctorId).toList(), insurerId);
    Map<UUID, DeliverySubject> found = new HashMap<>();
    for (DeliveryJob job : jobs) {
      InsurerVisibility.Visible v = visible.get(job.doctorId());
      if (v != null) {
        subject(insurerId, job.doctorId(), job.calendarHeld(), v)
            .ifPresent(subject -> found.put(job.doctorId(), subject));
      }
    }
    return found;
  }

  private Optional<DeliverySubject> subject(
      String insurerId, UUID doctorId, Long calendarHeld, InsurerVisibility.Visible visible) {
    return contexts
        .findVersioned(insurerId, visible.insurerVersion())
        .map(
            i ->
                new DeliverySubject(
                    visible.doctor(),
                    i.context(),
                    visible.insurerPaused(),
                    calendar(visible, doctorId, insurerId, calendarHeld),
                    i.mapping()));
  }

  /**
   * Every change of a doctor's slots or appointments takes a calendar version: at version 0 the
   * doctor has never had either, and no snapshot of the calendar is read. A change committing after
   * the version was read makes the pair due again, and is delivered then.
   */
  private CalendarChanges calendar(
      InsurerVisibility.Visible visible, UUID doctorId, String insurerId, Long calendarHeld) {
    return visible.calendarVersion() == 0
        ? CalendarChanges.none()
        : calendar.changes(doctorId, insurerId, calendarHeld);
  }

  @Override
  public Withdrawal withdrawal(String insurerId, UUID doctorId, Map<String, String> published) {
    return calendar.withdrawal(insurerId, doctorId, published);
  }

  @Override
  public Optional<InsurerSubject> insurer(String insurerId) {
    if (!visibility.seesAnyDoctor(insurerId)) {
      return Optional.empty();
    }
    return contexts
        .current(insurerId)
        .flatMap(
            v ->
                insurers
                    .find(insurerId)
                    .map(
                        r ->
                            new InsurerSubject(
                                v.context(),
                                v.version(),
                                Boolean.TRUE.equals(r.paused()),
                                v.mapping())));
  }

  @Override
  public void unmapped(String insurerId, UUID doctorId, List<UnmappedCode> codes) {
    unmappedCodes.record(insurerId, doctorId, codes);
  }

  @Override
  public void unmappedListed(
      String insurerId, Collection<UUID> listed, Map<UUID, List<UnmappedCode>> found) {
    unmappedCodes.recordListed(insurerId, listed, found);
  }

  /**
   * The insurer is resolved once, at the version read with its pause flag, before the first row:
   * every doctor of the listing is mapped the same way, and no query runs while the cursor is open.
   */
  @Override
  public boolean forEachVisible(
      String insurerId, Collection<UUID> among, Consumer<DeliverySubject> each) {
    return visibility.forEachVisible(
        insurerId,
        among,
        version -> {
          InsurerContexts.Versioned insurer =
              contexts
                  .findVersioned(insurerId, version)
                  .orElseThrow(() -> new IllegalStateException("no insurer " + insurerId));
          return doctor ->
              each.accept(
                  new DeliverySubject(
                      doctor, insurer.context(), false, CalendarChanges.none(), insurer.mapping()));
        });
  }
}
