package org.docport.hub.insurer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.MappingChoice;
import org.docport.hub.web.ApiException;
import org.docport.mappings.codes.CodeMap;
import org.docport.mappings.snapshot.Address;
import org.docport.mappings.snapshot.Identifier;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.workflows.insurer.InsurerOnboardingStep;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The insurers DocPort publishes to, with their networks and connector settings: the one writer of
 * the insurer tables. What they must meet is {@link InsurerValidation}'s; their connector secrets
 * are stored sealed by {@link ConnectorSecrets}.
 */
@Repository
public class Insurers {

  /**
   * The first key of the advisory locks on insurers' profiles ({@link #lockVersions}, {@link
   * #updateProfile}). Not a lock on the insurer's row: a share lock on the row would make every
   * other change of the row (a pause, a resume, a connector's settings) wait for the projections in
   * flight, and under a steady stream of projections PostgreSQL lets new share lockers in ahead of
   * a waiting writer, so a resume waited past its HTTP timeout in the throughput benchmark. The
   * lock manager queues an advisory lock's waiters in order: an edit waits for the projections that
   * hold the profile, and the ones that come after it wait for the edit.
   */
  private static final int PROFILE_LOCKS = 0x1D0C;

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final ConnectorSecrets secrets;
  private final ApplicationEventPublisher events;

  Insurers(
      JdbcTemplate jdbc,
      ObjectMapper json,
      ConnectorSecrets secrets,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.json = json;
    this.secrets = secrets;
    this.events = events;
  }

  /** Registers an insurer an operator vouches for: live at once. */
  @Transactional
  public InsurerRegistration create(InsurerRegistration insurer) {
    return create(insurer, InsurerOnboardingStep.LIVE);
  }

  /** Registers an insurer at an onboarding step (an application awaits approval). */
  @Transactional
  public InsurerRegistration create(InsurerRegistration insurer, InsurerOnboardingStep status) {
    InsurerValidation.checkRegistration(insurer, status);
    try {
      jdbc.update(
          """
          insert into insurer (id, name, identifier_system, identifier_value, connector_kind,
                               connector_settings, paused, auto_accept, decision_timeout_seconds,
                               contact_email, status, address)
          values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb)
          """,
          insurer.id(),
          insurer.name(),
          insurer.identifier() == null ? null : insurer.identifier().system(),
          insurer.identifier() == null ? null : insurer.identifier().value(),
          insurer.connector().kind(),
          write(insurer.id(), insurer.connector()),
          Boolean.TRUE.equals(insurer.paused()),
          insurer.enrolmentOrDefault().autoAcceptOrDefault(),
          insurer.enrolmentOrDefault().decisionTimeoutOrDefault().toSeconds(),
          insurer.contactEmail(),
          status.name(),
          insurer.address() == null ? null : json(insurer.address()));
    } catch (DuplicateKeyException e) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Insurer exists",
          "An insurer with id '" + insurer.id() + "' exists.");
    }
    for (InsurerContext.Network network : insurer.networks()) {
      jdbc.update(
          "insert into insurer_network (insurer_id, id, name, product_type) values (?, ?, ?, ?)",
          insurer.id(),
          network.id(),
          network.name(),
          productType(network));
    }
    return find(insurer.id()).orElseThrow();
  }

  public Optional<InsurerRegistration> find(String id) {
    return jdbc.query("select * from insurer where id = ?", this::registration, id).stream()
        .findFirst();
  }

  public InsurerRegistration get(String id) {
    return find(id).orElseThrow(() -> notFound(id));
  }

  /**
   * An insurer as doctors see it listed: no connector settings, so no secret is opened to list it.
   */
  public record Listing(
      String id,
      String name,
      InsurerOnboardingStep status,
      boolean paused,
      List<InsurerContext.Network> networks) {

    public boolean isLive() {
      return status == InsurerOnboardingStep.LIVE;
    }
  }

  /** Every insurer, by id, with its networks: two queries, whatever the number of insurers. */
  public List<Listing> listings() {
    Map<String, List<InsurerContext.Network>> networks = new HashMap<>();
    jdbc.query(
        "select insurer_id, id, name, product_type from insurer_network order by insurer_id, id",
        rs -> {
          networks
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new InsurerContext.Network(rs.getString(2), rs.getString(3), rs.getString(4)));
        });
    return jdbc.query(
        "select id, name, status, paused from insurer order by id",
        (rs, n) ->
            new Listing(
                rs.getString(1),
                rs.getString(2),
                InsurerOnboardingStep.valueOf(rs.getString(3)),
                rs.getBoolean(4),
                networks.getOrDefault(rs.getString(1), List.of())));
  }

  public List<InsurerRegistration> all() {
    return jdbc.query("select * from insurer order by id", this::registration);
  }

  static InsurerContext context(InsurerRegistration r) {
    Identifier identifier =
        r.identifier() == null
            ? null
            : new Identifier(
                r.identifier().system(), r.identifier().value(), null, null, null, null, null);
    return new InsurerContext(r.id(), r.name(), identifier, r.networks(), r.address());
  }

  /**
   * Replaces an insurer's connector settings. A secret sent as {@value
   * ConnectorSecrets#KEEP_SECRET} (what reading the insurer shows) keeps the stored one, so an
   * endpoint can change without re-entering it.
   */
  @Transactional
  public InsurerRegistration updateConnector(String id, ConnectorSettings requested) {
    InsurerRegistration current = get(id);
    List<ApiException.FieldError> errors = new ArrayList<>();
    ConnectorSettings settings =
        ConnectorSecrets.keepingStored(requested, current.connector(), errors);
    errors.addAll(InsurerValidation.connectorProblems(settings));
    InsurerValidation.throwIfAny("Invalid connector", errors);
    jdbc.update(
        "update insurer set connector_kind = ?, connector_settings = ?::jsonb, updated_at = now()"
            + " where id = ?",
        settings.kind(),
        write(id, settings),
        id);
    if (settings.profileOrDefault() != current.connector().profileOrDefault()) {
      mappingChanged(id);
    }
    return get(id);
  }

  /**
   * The insurer's doctors are mapped differently from now on (another profile, another code map): a
   * new version of the insurer, so no delivery maps them as before once this commits, and {@link
   * InsurerEvent.MappingChanged} for every doctor to be delivered again. Inside the caller's
   * transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void mappingChanged(String id) {
    jdbc.update("update insurer set version = version + 1, updated_at = now() where id = ?", id);
    events.publishEvent(new InsurerEvent.MappingChanged(id));
  }

  /**
   * Changes what the insurer publishes about itself, as a new version of its profile. In the same
   * transaction, {@link InsurerEvent.ProfileChanged} is published, so the change is recorded in the
   * outbox, as any registry change is, and reaches the insurer through change capture.
   */
  @Transactional
  public InsurerRegistration updateProfile(String id, InsurerProfile profile, String actor) {
    jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", rs -> {}, PROFILE_LOCKS, id);
    InsurerRegistration current = get(id);
    InsurerValidation.checkProfile(profile, current);
    if (profile.address() != null) {
      jdbc.update(
          "update insurer set address = ?::jsonb where id = ?", json(profile.address()), id);
    }
    if (profile.networks() != null) {
      jdbc.batchUpdate(
          "update insurer_network set product_type = ? where insurer_id = ? and id = ?",
          profile.networks().stream()
              .map(n -> new Object[] {n.productType(), id, n.id()})
              .toList());
    }
    Long version =
        jdbc.queryForObject(
            "update insurer set version = version + 1, updated_at = now() where id = ?"
                + " returning version",
            Long.class,
            id);
    events.publishEvent(new InsurerEvent.ProfileChanged(id, version, actor));
    return get(id);
  }

  /** The insurer as the FHIR mappings need it, with its profile's version, read now. */
  Optional<InsurerContexts.Versioned> versionedContext(String id) {
    return jdbc
        .query(
            "select * from insurer where id = ?",
            (rs, n) -> {
              InsurerRegistration registration = registration(rs, n);
              return new InsurerContexts.Versioned(
                  context(registration),
                  rs.getLong("version"),
                  new MappingChoice(registration.connector().profileOrDefault(), CodeMap.NONE));
            },
            id)
        .stream()
        .findFirst();
  }

  /**
   * The profile versions of these insurers, each profile held in share mode until the caller's
   * transaction ends (taken in id order): an edit of one of them ({@link #updateProfile}) waits
   * until then.
   */
  Map<String, Long> lockVersions(Collection<String> ids) {
    String[] sorted = ids.stream().sorted().toArray(String[]::new);
    jdbc.query(
        "select pg_advisory_xact_lock_shared(?, hashtext(id))"
            + " from (select id from unnest(?::text[]) id order by id offset 0) ids",
        rs -> {},
        PROFILE_LOCKS,
        sorted);
    Map<String, Long> versions = new HashMap<>();
    jdbc.query(
        "select id, version from insurer where id = any(?)",
        rs -> {
          versions.put(rs.getString(1), rs.getLong(2));
        },
        (Object) sorted);
    return versions;
  }

  /**
   * Refuses to remove an insurer that booked appointments: they are part of doctors' appointment
   * books and stay there; such an insurer is paused instead.
   */
  public void ensureRemovable(String id) {
    Long booked =
        jdbc.queryForObject(
            "select count(*) from appointment where insurer_id = ?", Long.class, id);
    if (booked != null && booked > 0) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Insurer has appointments",
          "Insurer '"
              + id
              + "' booked "
              + booked
              + " appointment(s), which stay in the doctors' appointment books, so it cannot be"
              + " removed. Pause it instead (POST /api/operator/insurers/"
              + id
              + "/pause) to stop its deliveries.");
    }
  }

  @Transactional
  public void delete(String id) {
    if (jdbc.update("delete from insurer where id = ?", id) == 0) {
      throw notFound(id);
    }
  }

  /** Records where the insurer's onboarding stands. */
  public void setStatus(String id, InsurerOnboardingStep status, String reason) {
    jdbc.update(
        "update insurer set status = ?, status_reason = ?, updated_at = now() where id = ?",
        status.name(),
        reason,
        id);
  }

  public void setPaused(String id, boolean paused) {
    if (jdbc.update("update insurer set paused = ?, updated_at = now() where id = ?", paused, id)
        == 0) {
      throw notFound(id);
    }
  }

  /**
   * An insurer's connector settings as stored, secrets sealed (or, written by an older hub, not),
   * with the stored text they were read from.
   */
  record StoredConnector(String insurerId, ConnectorSettings settings, String text) {}

  /** Every insurer's connector settings as stored, secrets not opened. */
  List<StoredConnector> storedConnectors() {
    return jdbc.query(
        "select id, connector_settings::text from insurer",
        (rs, n) -> new StoredConnector(rs.getString(1), parse(rs.getString(2)), rs.getString(2)));
  }

  /**
   * Stores {@code settings} (their secrets sealed) in place of {@code stored}, unless the insurer's
   * settings changed since they were read.
   */
  void replaceStoredConnector(StoredConnector stored, ConnectorSettings settings) {
    jdbc.update(
        "update insurer set connector_settings = ?::jsonb"
            + " where id = ? and connector_settings = ?::jsonb",
        write(stored.insurerId(), settings),
        stored.insurerId(),
        stored.text());
  }

  private InsurerRegistration registration(ResultSet rs, int row) throws SQLException {
    String id = rs.getString("id");
    List<InsurerContext.Network> networks =
        jdbc.query(
            "select id, name, product_type from insurer_network where insurer_id = ? order by id",
            (n, i) -> new InsurerContext.Network(n.getString(1), n.getString(2), n.getString(3)),
            id);
    String address = rs.getString("address");
    String system = rs.getString("identifier_system");
    return new InsurerRegistration(
        id,
        rs.getString("name"),
        system == null
            ? null
            : new InsurerRegistration.IdentifierRef(system, rs.getString("identifier_value")),
        address == null ? null : parse(address, Address.class),
        networks,
        read(id, rs.getString("connector_settings")),
        rs.getBoolean("paused"),
        new InsurerRegistration.Enrolment(
            rs.getBoolean("auto_accept"),
            Duration.ofSeconds(rs.getLong("decision_timeout_seconds"))),
        rs.getString("contact_email"),
        InsurerOnboardingStep.valueOf(rs.getString("status")),
        rs.getString("status_reason"));
  }

  /** The settings as stored: with their secrets sealed, bound to the insurer and field. */
  private String write(String insurerId, ConnectorSettings settings) {
    return json(secrets.sealed(insurerId, settings));
  }

  private ConnectorSettings read(String insurerId, String stored) {
    return secrets.opened(insurerId, parse(stored));
  }

  private ConnectorSettings parse(String stored) {
    return parse(stored, ConnectorSettings.class);
  }

  private <T> T parse(String stored, Class<T> type) {
    try {
      return json.readValue(stored, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable " + type.getSimpleName(), e);
    }
  }

  private String json(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String productType(InsurerContext.Network network) {
    return network.productType() == null
        ? InsurerContext.Network.DEFAULT_PRODUCT_TYPE
        : network.productType();
  }

  static ApiException notFound(String id) {
    return new ApiException(
        HttpStatus.NOT_FOUND, "Insurer not found", "No insurer with id '" + id + "'.");
  }
}
