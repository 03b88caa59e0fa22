package org.docport.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.docport.insurersim.InsurerServer;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.testkit.HubClient;
import org.docport.testkit.TestDatabase;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the hub's Spring Boot tests: one hub per test JVM (the context is cached across test
 * classes) on an embedded PostgreSQL with change capture running, and real insurer FHIR servers
 * over HTTP that each test starts and registers for itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Metrics are exported (served at /actuator/prometheus) as in production.
@AutoConfigureObservability(tracing = false)
public abstract class HubTest {

  protected static final String OPERATOR_PASSWORD = "operator-test-password";
  private static final Path DATA_DIR = tempDir();

  /** The mail server reminders go to. */
  protected static final GreenMail MAIL = startMail();

  /** The licence registry of {@link LicenceRegistryStub#ISSUER}. */
  protected static final LicenceRegistryStub LICENCE_REGISTRY = LicenceRegistryStub.start();

  /**
   * With {@code DOCPORT_TEST_DB=testcontainers} (where a Docker engine is), the hub's database runs
   * in a container; by default the hub starts its own embedded PostgreSQL, as in production.
   */
  private static final TestDatabase CONTAINER_DB =
      TestDatabase.provider().equals(TestDatabase.EMBEDDED) ? null : TestDatabase.start();

  @LocalServerPort protected int port;

  private final List<InsurerServer> insurerServers = new ArrayList<>();
  private final List<String> insurerIds = new ArrayList<>();

  @DynamicPropertySource
  static void hubProperties(DynamicPropertyRegistry registry) {
    registry.add("docport.db.embedded.data-dir", DATA_DIR::toString);
    if (CONTAINER_DB != null) {
      registry.add("docport.db.url", CONTAINER_DB::jdbcUrl);
      registry.add("docport.db.user", () -> TestDatabase.USER);
      registry.add("docport.db.password", () -> TestDatabase.PASSWORD);
    }
    registry.add("docport.operator.password", () -> OPERATOR_PASSWORD);
    registry.add("docport.demo.enabled", () -> "false");
    registry.add("docport.secrets.key-file", () -> DATA_DIR + "-secrets.key");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    registry.add("docport.onboarding.draft-reminder", () -> "PT2S");
    registry.add("docport.onboarding.correction-reminder", () -> "PT2S");
    registry.add(
        "docport.onboarding.licence-registries[" + LicenceRegistryStub.ISSUER + "]",
        LICENCE_REGISTRY::urlTemplate);
    registry.add("docport.delivery.poll-interval", () -> "200ms");
    // Short enough that a test can outlast a lease with a few slow writes.
    registry.add("docport.delivery.lease", () -> "6s");
    registry.add("docport.delivery.http-socket-timeout", () -> "3s");
    // An insurer back from an outage is found in a fraction of a second.
    registry.add("docport.delivery.probe-interval", () -> "200ms");
    // Tests refresh the insurer connections themselves.
    registry.add("docport.delivery.insurer-refresh", () -> "PT1H");
    registry.add("docport.delivery.metrics-interval", () -> "PT1H");
    registry.add("docport.cdc.heartbeat-interval", () -> "1s");
    // SMART tests serve clients' JWK Sets from plain-HTTP servers of their own.
    registry.add("docport.smart.allow-http-jwks-urls", () -> "true");
    // Short enough that a test sees a bulk export expire, long enough to download it first.
    registry.add("docport.fhir.export.expiry", () -> "PT20S");
    // Subscription tests receive notifications on plain-HTTP servers of their own, and watch
    // retries run out in seconds rather than 72 hours.
    registry.add("docport.fhir.subscriptions.allow-http-localhost", () -> "true");
    registry.add("docport.calendar.external.allow-http-localhost", () -> "true");
    // Reminder tests plan reminders due in a second or two.
    registry.add("docport.calendar.reminder-sweep", () -> "PT0.5S");
    registry.add("docport.fhir.subscriptions.poll-interval", () -> "PT0.1S");
    registry.add("docport.fhir.subscriptions.first-retry", () -> "PT0.1S");
    registry.add("docport.fhir.subscriptions.max-retry", () -> "PT0.4S");
    registry.add("docport.fhir.subscriptions.retry-for", () -> "PT15S");
    registry.add("docport.fhir.subscriptions.request-timeout", () -> "PT3S");
  }

  protected HubClient operator() {
    return new HubClient("http://localhost:" + port, "operator", OPERATOR_PASSWORD);
  }

  protected HubClient as(String username, String password) {
    return new HubClient("http://localhost:" + port, username, password);
  }

  /** Starts an insurer FHIR server and registers it with the hub under a fresh id. */
  protected Insurer insurer() {
    return insurer(Map.of());
  }

  /** Like {@link #insurer()}, with enrolment settings such as {@code autoAccept}. */
  protected Insurer insurer(Map<String, Object> enrolment) {
    return insurer(enrolment, server -> Map.of());
  }

  /**
   * Like {@link #insurer(Map)}, with the connector's {@code auth} settings made from the insurer's
   * server (which the function may also configure, e.g. to require a token).
   */
  protected Insurer insurer(
      Map<String, Object> enrolment, Function<InsurerServer, Map<String, Object>> auth) {
    InsurerServer server = InsurerServer.start(0);
    insurerServers.add(server);
    Map<String, Object> connector = new HashMap<>();
    connector.put("kind", "fhir-rest");
    connector.put("baseUrl", server.baseUrl());
    Map<String, Object> credentials = auth.apply(server);
    if (!credentials.isEmpty()) {
      connector.put("auth", credentials);
    }
    return new Insurer(register(connector, enrolment), server);
  }

  /** Registers an insurer with these connector settings; it has no FHIR server of the tests'. */
  protected Insurer insurerWithConnector(Map<String, Object> connector) {
    return new Insurer(register(connector, Map.of()), null);
  }

  private String register(Map<String, Object> connector, Map<String, Object> enrolment) {
    String id = "ins-" + UUID.randomUUID().toString().substring(0, 8);
    operator()
        .post(
            "/api/operator/insurers",
            Map.of(
                "id",
                id,
                "name",
                "Insurer " + id,
                "identifier",
                Map.of("system", "urn:test:insurer", "value", id),
                "networks",
                List.of(Map.of("id", "gold", "name", "Gold PPO")),
                "connector",
                connector,
                "enrolment",
                enrolment))
        .expect(201);
    insurerIds.add(id);
    return id;
  }

  /** An insurer whose server accepts only this bearer token, registered with it. */
  protected Insurer insurerWithToken(String token) {
    return insurer(
        Map.of(),
        server -> {
          server.requireBearerToken(token);
          return Map.of("type", "bearer", "token", token);
        });
  }

  /** Creates a sample doctor through the API and answers its id. */
  protected String createDoctor(String family) {
    return operator()
        .post("/api/doctors", SampleDoctors.profile(family))
        .expect(201)
        .body()
        .get("id")
        .asText();
  }

  /** The id of the doctor's first practice location. */
  protected String locationOf(String doctor) {
    return operator()
        .get("/api/doctors/" + doctor + "/locations")
        .expect(200)
        .body()
        .get(0)
        .get("id")
        .asText();
  }

  /** The family name of the doctor's Practitioner at the insurer, if it holds one. */
  protected static Optional<String> familyAt(Insurer insurer, String doctor) {
    return insurer
        .server()
        .findByIdentifier(Practitioner.class, BusinessIdentifiers.PRACTITIONER, doctor)
        .map(p -> p.getNameFirstRep().getFamily());
  }

  /** The messages the mail server received for {@code address}, oldest first. */
  protected static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(MAIL.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(address));
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** Sets the doctor's consent to the insurer directly, as an operator may (no saga). */
  /** The doctor's delivery to the insurer, as operators read it. */
  protected JsonNode receipt(Insurer insurer, String doctor) {
    return operator()
        .get("/api/operator/insurers/" + insurer.id() + "/receipts/" + doctor)
        .expect(200)
        .body();
  }

  /** The state of the doctor's delivery to the insurer (PENDING, DELIVERED, SKIPPED...). */
  protected String receiptState(Insurer insurer, String doctor) {
    return receipt(insurer, doctor).path("state").asText();
  }

  protected void consent(String doctor, Insurer insurer, String status) {
    operator()
        .put(
            "/api/operator/consents/" + doctor + "/" + insurer.id(), Map.of("status", status), null)
        .expect(200);
  }

  /** Asserts a 400 whose problem names {@code field} among its errors. */
  protected static void assertField(HubClient.Response response, String field) {
    assertThat(response.status()).as("status for %s: %s", field, response.body()).isEqualTo(400);
    assertThat(response.body().findValuesAsText("field"))
        .as(response.body().toString())
        .contains(field);
  }

  /** A registered insurer and the FHIR server behind it. */
  public record Insurer(String id, InsurerServer server) {}

  @AfterEach
  void removeInsurers() {
    insurerIds.forEach(id -> operator().delete("/api/operator/insurers/" + id));
    insurerServers.forEach(InsurerServer::close);
  }

  private static GreenMail startMail() {
    GreenMail mail =
        new GreenMail(
            new ServerSetup(org.docport.testkit.HubProcess.freePort(), "127.0.0.1", "smtp"));
    mail.start();
    return mail;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("docport-hub-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
