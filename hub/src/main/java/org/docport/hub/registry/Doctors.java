package org.docport.hub.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.docport.hub.web.ApiException;
import org.docport.hub.web.ETags;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.Identifier;
import org.docport.mappings.snapshot.PracticeLocation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The doctors in the registry. Each write validates the whole profile, checks the version the
 * caller saw, keeps registration numbers unique across the registry and records the change event,
 * all in one transaction: a rejected write leaves nothing behind.
 */
@Repository
public class Doctors {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final RegistryEvents events;
  private final ApplicationEventPublisher publisher;

  Doctors(
      JdbcTemplate jdbc,
      ObjectMapper json,
      RegistryEvents events,
      ApplicationEventPublisher publisher) {
    this.publisher = publisher;
    this.jdbc = jdbc;
    this.json = json;
    this.events = events;
  }

  public Optional<DoctorSnapshot> find(UUID id) {
    return jdbc
        .query("select profile from doctor where id = ?", (rs, n) -> parse(rs.getString(1)), id)
        .stream()
        .findFirst();
  }

  /** Whether the doctor has finished onboarding (an operator-entered doctor always has). */
  public boolean isOnboarded(UUID id) {
    return jdbc
        .queryForList("select onboarding from doctor where id = ?", String.class, id)
        .stream()
        .findFirst()
        .map("ACTIVE"::equals)
        .orElseThrow(() -> notFound(id));
  }

  /** Loads a doctor or answers 404. */
  public DoctorSnapshot get(UUID id) {
    return find(id).orElseThrow(() -> notFound(id));
  }

  /** Creates a doctor an operator entered: verified already, so onboarded. */
  @Transactional
  public DoctorSnapshot create(DoctorSnapshot profile, String actor) {
    return create(profile, actor, false);
  }

  /**
   * Creates a doctor; one who signs up ({@code selfRegistered}) starts as an onboarding draft and
   * reaches no insurer until onboarding makes them active.
   */
  @Transactional
  public DoctorSnapshot create(DoctorSnapshot profile, String actor, boolean selfRegistered) {
    DoctorSnapshot doctor = prepare(profile).withIdentity(UUID.randomUUID(), 1);
    jdbc.update(
        "insert into doctor (id, version, active, family_name, profile, onboarding)"
            + " values (?, 1, ?, ?, ?::jsonb, ?)",
        doctor.id(),
        doctor.active(),
        doctor.name().family(),
        write(doctor),
        selfRegistered ? "DRAFT" : "ACTIVE");
    insertIdentifiers(doctor);
    events.record(doctor.id(), 1, RegistryEvents.Kind.DOCTOR_CREATED, null, actor);
    publisher.publishEvent(new DoctorChanged(doctor.id(), true, selfRegistered));
    return doctor;
  }

  /**
   * Replaces a doctor's profile if it is still at {@code expectedVersion}.
   *
   * @throws ApiException 404 for an unknown doctor, 412 when someone else changed it first
   */
  @Transactional
  public DoctorSnapshot update(
      UUID id, long expectedVersion, DoctorSnapshot profile, String actor) {
    DoctorSnapshot doctor = prepare(profile).withIdentity(id, expectedVersion + 1);
    List<String> onboarding =
        jdbc.queryForList(
            """
            update doctor set version = ?, active = ?, family_name = ?, profile = ?::jsonb,
              updated_at = now()
            where id = ? and version = ?
            returning onboarding
            """,
            String.class,
            doctor.version(),
            doctor.active(),
            doctor.name().family(),
            write(doctor),
            id,
            expectedVersion);
    if (onboarding.isEmpty()) {
      long current = currentVersion(id).orElseThrow(() -> notFound(id));
      throw ETags.changedMeanwhile("Doctor", current, expectedVersion);
    }
    jdbc.update("delete from doctor_identifier where doctor_id = ?", id);
    insertIdentifiers(doctor);
    events.record(id, doctor.version(), RegistryEvents.Kind.DOCTOR_UPDATED, null, actor);
    publisher.publishEvent(new DoctorChanged(id, false, !onboarding.get(0).equals("ACTIVE")));
    return doctor;
  }

  public Optional<Long> currentVersion(UUID id) {
    return jdbc.queryForList("select version from doctor where id = ?", Long.class, id).stream()
        .findFirst();
  }

  /** Normalises, validates, and assigns ids to new practice locations and endpoints. */
  private static DoctorSnapshot prepare(DoctorSnapshot profile) {
    DoctorSnapshot doctor = profile.normalized();
    DoctorValidation.validate(doctor).throwIfAny();
    List<PracticeLocation> locations = new ArrayList<>();
    for (PracticeLocation location : doctor.locations()) {
      locations.add(
          location.id() != null
              ? location
              : new PracticeLocation(
                  newLocationId(),
                  location.name(),
                  location.address(),
                  location.geo(),
                  location.phone()));
    }
    return doctor
        .withLocations(List.copyOf(locations))
        .withEndpoints(doctor.endpoints().stream().map(TechnicalEndpoints::identified).toList());
  }

  static String newLocationId() {
    return "loc-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private void insertIdentifiers(DoctorSnapshot doctor) {
    for (int i = 0; i < doctor.identifiers().size(); i++) {
      Identifier identifier = doctor.identifiers().get(i);
      try {
        jdbc.update(
            "insert into doctor_identifier (system, value, doctor_id) values (?, ?, ?)",
            identifier.system(),
            identifier.value(),
            doctor.id());
      } catch (DuplicateKeyException e) {
        throw new ApiException(
            HttpStatus.CONFLICT,
            "Identifier already registered",
            "identifiers["
                + i
                + "]: "
                + identifier.system()
                + "|"
                + identifier.value()
                + " belongs to another doctor in the registry.");
      }
    }
  }

  /** A profile as the doctor table stores it (JSON). */
  public DoctorSnapshot parse(String profile) {
    try {
      return json.readValue(profile, DoctorSnapshot.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable doctor profile in the registry", e);
    }
  }

  private String write(DoctorSnapshot doctor) {
    try {
      return json.writeValueAsString(doctor);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The 404 for a doctor id the registry does not have. */
  public static ApiException notFound(UUID id) {
    return new ApiException(
        HttpStatus.NOT_FOUND, "Doctor not found", "No doctor with id " + id + ".");
  }
}
