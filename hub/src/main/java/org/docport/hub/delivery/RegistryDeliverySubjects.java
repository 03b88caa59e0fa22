package org.docport.hub.delivery;

import java.util.Optional;
import java.util.UUID;
import org.docport.connectors.DeliverySubject;
import org.docport.connectors.DeliverySubjects;
import org.docport.hub.insurer.Insurers;
import org.docport.hub.registry.Doctors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers the connectors from the registry, checking consent at the moment of delivery. */
@Component
class RegistryDeliverySubjects implements DeliverySubjects {

  private final JdbcTemplate jdbc;
  private final Doctors doctors;
  private final Insurers insurers;

  RegistryDeliverySubjects(JdbcTemplate jdbc, Doctors doctors, Insurers insurers) {
    this.jdbc = jdbc;
    this.doctors = doctors;
    this.insurers = insurers;
  }

  @Override
  public Optional<DeliverySubject> find(String insurerId, UUID doctorId) {
    boolean consented =
        Boolean.TRUE.equals(
            jdbc.queryForObject(
                """
                select exists (select 1 from consent
                               where doctor_id = ? and insurer_id = ? and status = 'ACTIVE')
                """,
                Boolean.class,
                doctorId,
                insurerId));
    if (!consented) {
      return Optional.empty();
    }
    return doctors
        .find(doctorId)
        .flatMap(doctor -> insurers.context(insurerId).map(i -> new DeliverySubject(doctor, i)));
  }
}
