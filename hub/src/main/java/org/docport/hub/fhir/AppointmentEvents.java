package org.docport.hub.fhir;

import org.docport.hub.scheduling.AppointmentChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records each change of an appointment for the booking insurer's subscriptions to the appointment
 * topic, in the transaction that makes it: a change committed is a change notified, and nothing is
 * notified of a change rolled back.
 */
@Component
class AppointmentEvents {

  private final SubscriptionStore subscriptions;

  AppointmentEvents(SubscriptionStore subscriptions) {
    this.subscriptions = subscriptions;
  }

  @EventListener
  void on(AppointmentChanged changed) {
    subscriptions.recordEvents(changed.insurerId(), "Appointment", changed.appointmentId());
  }
}
