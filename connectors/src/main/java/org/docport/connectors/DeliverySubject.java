package org.docport.connectors;

import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;

/** What a connector publishes: a doctor's current snapshot, for one consented insurer. */
public record DeliverySubject(DoctorSnapshot doctor, InsurerContext insurer) {}
