package org.docport.hub.consent;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.docport.connectors.delivery.DeliveryStore;
import org.docport.hub.insurer.Insurers;
import org.docport.hub.registry.Doctors;
import org.docport.hub.registry.RegistryEvents;
import org.docport.hub.web.ApiException;
import org.docport.workflows.consent.ConsentKey;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A doctor's consent to each insurer, as the registry holds it. Every state change is conditional
 * on the state it leaves (so a repeated workflow activity changes nothing twice) and is recorded as
 * a registry event in the same transaction: entering or leaving a deliverable state (ENROLLING,
 * ACTIVE) flows through change capture like any registry change.
 */
@Service
public class ConsentManagement {

  private static final String COLUMNS =
      "doctor_id, insurer_id, status, reason, ending, requested_at, activated_at, revoked_at,"
          + " ended_at";

  private final JdbcTemplate jdbc;
  private final Doctors doctors;
  private final Insurers insurers;
  private final RegistryEvents events;
  private final DeliveryStore deliveries;

  ConsentManagement(
      JdbcTemplate jdbc,
      Doctors doctors,
      Insurers insurers,
      RegistryEvents events,
      DeliveryStore deliveries) {
    this.jdbc = jdbc;
    this.doctors = doctors;
    this.insurers = insurers;
    this.events = events;
    this.deliveries = deliveries;
  }

  /**
   * Sets a consent directly, without the saga: an operator's tool for support and migration.
   * Revoking this way stops delivery but leaves published data at the insurer.
   */
  @Transactional
  public Consent set(UUID doctorId, String insurerId, ConsentStatus status, String actor) {
    long version = doctors.currentVersion(doctorId).orElseThrow(() -> Doctors.notFound(doctorId));
    insurers.get(insurerId);
    String stamp =
        switch (status) {
          case REQUESTED -> "requested_at";
          case ACTIVE -> "activated_at";
          case REVOKED -> "revoked_at";
          default ->
              throw new ApiException(
                  HttpStatus.BAD_REQUEST,
                  "Invalid consent",
                  "status: an operator sets REQUESTED, ACTIVE or REVOKED; the other states belong"
                      + " to the consent saga",
                  List.of(new ApiException.FieldError("status", "REQUESTED, ACTIVE or REVOKED")));
        };
    jdbc.update(
        "insert into consent (doctor_id, insurer_id, status, "
            + stamp
            + ") values (?, ?, ?, now())"
            + " on conflict (doctor_id, insurer_id) do update set status = excluded.status, "
            + stamp
            + " = now(), reason = null, updated_at = now()",
        doctorId,
        insurerId,
        status.name());
    if (status == ConsentStatus.REVOKED) {
      deliveries.stop(insurerId, doctorId, "consent revoked");
    }
    events.record(doctorId, version, RegistryEvents.Kind.CONSENT_CHANGED, insurerId, actor);
    return get(new ConsentKey(doctorId, insurerId));
  }

  /**
   * The doctor asks to join the insurer: a new or ended consent becomes REQUESTED.
   *
   * @throws ApiException 409 while a consent to this insurer is in progress or active
   */
  @Transactional
  public Consent request(ConsentKey key, String actor) {
    long version =
        doctors.currentVersion(key.doctorId()).orElseThrow(() -> Doctors.notFound(key.doctorId()));
    String insurer = insurers.get(key.insurerId()).name();
    if (!doctors.isOnboarded(key.doctorId())) {
      throw conflict(
          "Onboarding not finished",
          "Insurers can be joined once DocPort has approved your profile; your onboarding"
              + " (GET /api/doctors/"
              + key.doctorId()
              + "/onboarding) says what is left.");
    }
    int changed =
        jdbc.update(
            """
            insert into consent (doctor_id, insurer_id, status, requested_at)
            values (?, ?, 'REQUESTED', now())
            on conflict (doctor_id, insurer_id) do update set
              status = 'REQUESTED', requested_at = now(), activated_at = null, revoked_at = null,
              ended_at = null, reason = null, ending = null, updated_at = now()
            where consent.status in ('REJECTED', 'FAILED', 'REVOKED')
            """,
            key.doctorId(),
            key.insurerId());
    if (changed == 0) {
      ConsentStatus status = get(key).status();
      throw conflict(
          "Consent in progress",
          switch (status) {
            case ACTIVE -> "You are already active with " + insurer + ".";
            case WITHDRAWING ->
                "Your profile is being withdrawn from "
                    + insurer
                    + "; you can join again once that is done.";
            default ->
                "Your request to join "
                    + insurer
                    + " is under way; wait for "
                    + insurer
                    + "'s answer.";
          });
    }
    events.record(
        key.doctorId(), version, RegistryEvents.Kind.CONSENT_CHANGED, key.insurerId(), actor);
    return get(key);
  }

  /**
   * The doctor withdraws: delivery stops in this transaction and the consent becomes WITHDRAWING.
   *
   * @return the status the consent was in
   * @throws ApiException 409 when there is nothing to withdraw
   */
  @Transactional
  public ConsentStatus withdrawByDoctor(ConsentKey key, String reason, String actor) {
    ConsentStatus before =
        jdbc
            .query(
                "select status from consent where doctor_id = ? and insurer_id = ? for update",
                (rs, n) -> ConsentStatus.valueOf(rs.getString(1)),
                key.doctorId(),
                key.insurerId())
            .stream()
            .findFirst()
            .orElseThrow(() -> notFound(key));
    if (!Set.of(ConsentStatus.REQUESTED, ConsentStatus.ENROLLING, ConsentStatus.ACTIVE)
        .contains(before)) {
      String insurer = insurers.get(key.insurerId()).name();
      throw conflict(
          "Nothing to revoke",
          before == ConsentStatus.WITHDRAWING
              ? "Your profile is being withdrawn from " + insurer + " already."
              : "You are not with "
                  + insurer
                  + " ("
                  + before.name().toLowerCase(Locale.ROOT)
                  + "): there is nothing to leave.");
    }
    transition(key, Set.of(before), ConsentStatus.WITHDRAWING, reason, actor);
    setEnding(key, ConsentStatus.REVOKED);
    return before;
  }

  /** REQUESTED becomes ENROLLING: the doctor's profile is queued for the insurer. */
  @Transactional
  public void enrol(ConsentKey key) {
    transition(key, Set.of(ConsentStatus.REQUESTED), ConsentStatus.ENROLLING, null, "consent-saga");
  }

  /** ENROLLING becomes ACTIVE; true also when it already was (a retried activity). */
  @Transactional
  public boolean activate(ConsentKey key) {
    return transition(
            key, Set.of(ConsentStatus.ENROLLING), ConsentStatus.ACTIVE, null, "consent-saga")
        || status(key).filter(s -> s == ConsentStatus.ACTIVE).isPresent();
  }

  /**
   * Delivery stops in this transaction; the published data is withdrawn next, and then the consent
   * ends as {@code ending}.
   */
  @Transactional
  public void withdrawing(ConsentKey key, String reason, ConsentStatus ending) {
    transition(
        key,
        Set.of(ConsentStatus.REQUESTED, ConsentStatus.ENROLLING, ConsentStatus.ACTIVE),
        ConsentStatus.WITHDRAWING,
        reason,
        "consent-saga");
    setEnding(key, ending);
  }

  private void setEnding(ConsentKey key, ConsentStatus ending) {
    jdbc.update(
        "update consent set ending = ? where doctor_id = ? and insurer_id = ?"
            + " and status = 'WITHDRAWING'",
        ending.name(),
        key.doctorId(),
        key.insurerId());
  }

  /** WITHDRAWING ends REJECTED, FAILED or REVOKED, with the reason. */
  @Transactional
  public void conclude(ConsentKey key, ConsentStatus ending, String reason) {
    if (!ending.isEnded()) {
      throw new IllegalArgumentException(ending + " does not end a consent");
    }
    transition(key, Set.of(ConsentStatus.WITHDRAWING), ending, reason, "consent-saga");
  }

  private boolean transition(
      ConsentKey key, Set<ConsentStatus> from, ConsentStatus to, String reason, String actor) {
    String[] states = from.stream().map(Enum::name).toArray(String[]::new);
    int changed =
        jdbc.update(
            """
            update consent set status = ?, reason = coalesce(?, reason), updated_at = now(),
              activated_at = case when ? = 'ACTIVE' then now() else activated_at end,
              revoked_at = case when ? = 'REVOKED' then now() else revoked_at end,
              ended_at = case when ? in ('REJECTED', 'FAILED', 'REVOKED') then now() end
            where doctor_id = ? and insurer_id = ? and status = any(?)
            """,
            to.name(),
            reason,
            to.name(),
            to.name(),
            to.name(),
            key.doctorId(),
            key.insurerId(),
            states);
    if (changed == 0) {
      return false;
    }
    if (to == ConsentStatus.WITHDRAWING) {
      deliveries.stop(key.insurerId(), key.doctorId(), "consent withdrawn: " + reason);
    }
    long version = doctors.currentVersion(key.doctorId()).orElse(0L);
    events.record(
        key.doctorId(), version, RegistryEvents.Kind.CONSENT_CHANGED, key.insurerId(), actor);
    return true;
  }

  public Optional<ConsentStatus> status(ConsentKey key) {
    return find(key).map(Consent::status);
  }

  public Consent get(ConsentKey key) {
    return find(key).orElseThrow(() -> notFound(key));
  }

  public Optional<Consent> find(ConsentKey key) {
    return jdbc
        .query(
            "select " + COLUMNS + " from consent where doctor_id = ? and insurer_id = ?",
            (rs, n) -> consent(rs),
            key.doctorId(),
            key.insurerId())
        .stream()
        .findFirst();
  }

  public List<Consent> find(UUID doctorId) {
    return jdbc.query(
        "select " + COLUMNS + " from consent where doctor_id = ? order by insurer_id",
        (rs, n) -> consent(rs),
        doctorId);
  }

  /** Consents a workflow should be working on. */
  public List<Consent> inFlight() {
    String[] states =
        ConsentStatus.IN_FLIGHT.stream().map(Enum::name).sorted().toArray(String[]::new);
    return jdbc.query(
        "select " + COLUMNS + " from consent where status = any(?) order by updated_at",
        (rs, n) -> consent(rs),
        (Object) states);
  }

  private static Consent consent(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Consent(
        rs.getObject("doctor_id", UUID.class),
        rs.getString("insurer_id"),
        ConsentStatus.valueOf(rs.getString("status")),
        rs.getString("reason"),
        rs.getString("ending") == null ? null : ConsentStatus.valueOf(rs.getString("ending")),
        rs.getObject("requested_at", OffsetDateTime.class),
        rs.getObject("activated_at", OffsetDateTime.class),
        rs.getObject("revoked_at", OffsetDateTime.class),
        rs.getObject("ended_at", OffsetDateTime.class));
  }

  static ApiException notFound(ConsentKey key) {
    return new ApiException(
        HttpStatus.NOT_FOUND,
        "No such consent",
        "Doctor " + key.doctorId() + " has no consent to insurer " + key.insurerId() + ".");
  }

  static ApiException conflict(String title, String detail) {
    return new ApiException(HttpStatus.CONFLICT, title, detail);
  }
}
