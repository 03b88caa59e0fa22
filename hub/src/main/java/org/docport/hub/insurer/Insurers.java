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
import java.util.regex.Pattern;
import org.docport.connectors.ConnectorSettings;
import org.docport.hub.platform.Secrets;
import org.docport.hub.registry.PostalAddresses;
import org.docport.hub.web.ApiException;
import org.docport.mappings.PlanNetProductTypes;
import org.docport.mappings.snapshot.Address;
import org.docport.mappings.snapshot.Identifier;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.workflows.insurer.InsurerOnboardingStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The insurers DocPort publishes to, with their networks and connector settings. */
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

  private static final Logger log = LoggerFactory.getLogger(Insurers.class);

  /** How a secret reads back through the API; sent back, it keeps the stored secret. */
  public static final String KEEP_SECRET = "***";

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Secrets secrets;
  private final ApplicationEventPublisher events;

  Insurers(
      JdbcTemplate jdbc, ObjectMapper json, Secrets secrets, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.json = json;
    this.secrets = secrets;
    this.events = events;
  }

  /**
   * Seals connector secrets stored before the registry sealed them (idempotent, so replicas may run
   * it together).
   */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public void sealStoredSecrets() {
    List<Map<String, Object>> rows =
        jdbc.queryForList("select id, connector_settings::text as settings from insurer");
    for (Map<String, Object> row : rows) {
      String id = (String) row.get("id");
      String stored = (String) row.get("settings");
      ConnectorSettings settings = parse(stored);
      ConnectorSettings sealedOnly =
          settings.mapSecrets((field, value) -> Secrets.isSealed(value) ? value : null);
      if (!sealedOnly.equals(settings)) {
        jdbc.update(
            "update insurer set connector_settings = ?::jsonb"
                + " where id = ? and connector_settings = ?::jsonb",
            write(
                id,
                settings.mapSecrets((field, value) -> secrets.open(value, secretOf(id, field)))),
            id,
            stored);
        log.info("Sealed the connector secrets of insurer {}", id);
      }
    }
  }

  /** Registers an insurer an operator vouches for: live at once. */
  @Transactional
  public InsurerRegistration create(InsurerRegistration insurer) {
    return create(insurer, InsurerOnboardingStep.LIVE);
  }

  /** Registers an insurer at an onboarding step (an application awaits approval). */
  @Transactional
  public InsurerRegistration create(InsurerRegistration insurer, InsurerOnboardingStep status) {
    validate(insurer);
    if (status != InsurerOnboardingStep.LIVE
        && (insurer.contactEmail() == null
            || !insurer.contactEmail().matches("[^@\\s]{1,64}@[^@\\s]{1,255}"))) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid insurer",
          "contactEmail: required, where DocPort sends the insurer's API credentials",
          List.of(field("contactEmail", "an e-mail address")));
    }
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

  /** The insurer as the FHIR mappings need it. */
  Optional<InsurerContext> context(String id) {
    return find(id).map(Insurers::context);
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
   * Replaces an insurer's connector settings. A secret sent as {@value #KEEP_SECRET} (what reading
   * the insurer shows) keeps the stored one, so an endpoint can change without re-entering it.
   */
  @Transactional
  public InsurerRegistration updateConnector(String id, ConnectorSettings requested) {
    InsurerRegistration current = get(id);
    List<ApiException.FieldError> errors = new ArrayList<>();
    ConnectorSettings settings =
        requested == null
            ? null
            : requested.mapSecrets(
                (field, value) -> {
                  if (!KEEP_SECRET.equals(value)) {
                    return value;
                  }
                  String stored = current.connector().secret(field);
                  if (stored == null) {
                    errors.add(
                        field(
                            "connector." + field,
                            "'***' keeps the stored secret, and none is stored: send the secret"));
                  }
                  return stored;
                });
    errors.addAll(connectorErrors(settings));
    if (!errors.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid connector", "See errors.", errors);
    }
    jdbc.update(
        "update insurer set connector_kind = ?, connector_settings = ?::jsonb, updated_at = now()"
            + " where id = ?",
        settings.kind(),
        write(id, settings),
        id);
    return get(id);
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
    validate(profile, current);
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
            (rs, n) ->
                new InsurerContexts.Versioned(context(registration(rs, n)), rs.getLong("version")),
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

  private static void validate(InsurerProfile profile, InsurerRegistration current) {
    List<ApiException.FieldError> errors = new ArrayList<>();
    if (profile == null || (profile.address() == null && profile.networks() == null)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid insurer profile",
          "Nothing to change: give address, networks or both.",
          List.of(
              field("address", "the insurer's postal address"),
              field("networks", "product types by network id")));
    }
    if (profile.address() != null) {
      errors.addAll(PostalAddresses.problems("address", profile.address()));
    }
    List<InsurerProfile.NetworkProduct> networks =
        profile.networks() == null ? List.of() : profile.networks();
    List<String> known = current.networks().stream().map(InsurerContext.Network::id).toList();
    for (int i = 0; i < networks.size(); i++) {
      InsurerProfile.NetworkProduct n = networks.get(i);
      if (n == null || !known.contains(n.id())) {
        errors.add(
            field(
                "networks[" + i + "].id",
                "not a network of this insurer; one of " + String.join(", ", known)));
      } else if (n.productType() == null || !PlanNetProductTypes.contains(n.productType())) {
        errors.add(productTypeError(i, n.productType()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Invalid insurer profile", "See errors.", errors);
    }
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

  private static void validate(InsurerRegistration r) {
    List<ApiException.FieldError> errors = new ArrayList<>();
    if (r.id() == null || !SLUG.matcher(r.id()).matches()) {
      errors.add(
          field("id", "a lower-case slug of 2 to 63 letters, digits and '-', e.g. acme-health"));
    }
    if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
      errors.add(field("name", "required, at most 200 characters"));
    }
    if (r.networks() == null || r.networks().isEmpty()) {
      errors.add(field("networks", "at least one network the insurer's doctors join"));
    } else {
      for (int i = 0; i < r.networks().size(); i++) {
        InsurerContext.Network n = r.networks().get(i);
        if (n == null || n.id() == null || !SLUG.matcher(n.id()).matches()) {
          errors.add(field("networks[" + i + "].id", "a lower-case slug such as gold-ppo"));
        }
        if (n == null || n.name() == null || n.name().isBlank()) {
          errors.add(field("networks[" + i + "].name", "required"));
        }
        if (n != null
            && n.productType() != null
            && !PlanNetProductTypes.contains(n.productType())) {
          errors.add(productTypeError(i, n.productType()));
        }
      }
    }
    errors.addAll(connectorErrors(r.connector()));
    Duration timeout = r.enrolmentOrDefault().decisionTimeoutOrDefault();
    if (timeout.compareTo(Duration.ofMinutes(1)) < 0
        || timeout.compareTo(Duration.ofDays(365)) > 0) {
      errors.add(
          field("enrolment.decisionTimeout", "between PT1M and P365D (ISO 8601), e.g. P14D"));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid insurer", "See errors.", errors);
    }
  }

  private static ApiException.FieldError productTypeError(int network, String productType) {
    return field(
        "networks[" + network + "].productType",
        "'"
            + productType
            + "' is not a Plan-Net insurance product type; one of "
            + String.join(", ", PlanNetProductTypes.codes())
            + " (default "
            + InsurerContext.Network.DEFAULT_PRODUCT_TYPE
            + ")");
  }

  private static List<ApiException.FieldError> connectorErrors(ConnectorSettings connector) {
    if (connector == null) {
      return List.of(field("connector", "required: kind, baseUrl and auth"));
    }
    return connector.problems().stream()
        .map(problem -> problem.split(": ", 2))
        .map(parts -> field("connector." + parts[0], parts[1]))
        .toList();
  }

  private static ApiException.FieldError field(String field, String message) {
    return new ApiException.FieldError(field, message);
  }

  /** The settings as stored: with their secrets sealed, bound to the insurer and field. */
  private String write(String insurerId, ConnectorSettings settings) {
    return json(
        settings.mapSecrets((field, value) -> secrets.seal(value, secretOf(insurerId, field))));
  }

  private ConnectorSettings read(String insurerId, String stored) {
    return parse(stored)
        .mapSecrets((field, value) -> secrets.open(value, secretOf(insurerId, field)));
  }

  /** What a sealed secret is bound to: copied to another insurer or field, it does not open. */
  private static String secretOf(String insurerId, String field) {
    return insurerId + " " + field;
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
