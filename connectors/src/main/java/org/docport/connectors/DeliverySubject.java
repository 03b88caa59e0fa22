package org.docport.connectors;

import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;

/**
 * What a connector publishes: a doctor's current snapshot, for one consented insurer.
 *
 * @param insurerPaused an operator paused delivery to the insurer: nothing may be sent now, and the
 *     pair stays due until the insurer is resumed
 * @param calendar what the insurer is to be told of the doctor's calendar
 * @param mapping the insurer's mapping profile and code map
 */
public record DeliverySubject(
    DoctorSnapshot doctor,
    InsurerContext insurer,
    boolean insurerPaused,
    CalendarChanges calendar,
    MappingChoice mapping) {

  public DeliverySubject {
    calendar = calendar == null ? CalendarChanges.none() : calendar;
    mapping = mapping == null ? MappingChoice.DEFAULT : mapping;
  }

  public DeliverySubject(
      DoctorSnapshot doctor,
      InsurerContext insurer,
      boolean insurerPaused,
      CalendarChanges calendar) {
    this(doctor, insurer, insurerPaused, calendar, null);
  }

  public DeliverySubject(DoctorSnapshot doctor, InsurerContext insurer, boolean insurerPaused) {
    this(doctor, insurer, insurerPaused, null, null);
  }

  public DeliverySubject(DoctorSnapshot doctor, InsurerContext insurer) {
    this(doctor, insurer, false);
  }
}
