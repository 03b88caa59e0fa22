package org.docport.hub.scheduling;

/**
 * An appointment changed (booked, held, moved, cancelled, recorded, flagged for another time, its
 * hold ran out): published inside the transaction that changes it, so what listens may record the
 * change in the same transaction.
 */
public record AppointmentChanged(String insurerId, String appointmentId) {}
