package org.docport.insurersim;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real FHIR R4 server over HTTP that plays an insurer in DocPort's tests, benchmarks and demos.
 *
 * <p>It hosts Practitioner, PractitionerRole, Location, Organization, InsurancePlan,
 * OrganizationAffiliation, HealthcareService, Endpoint, Schedule, Slot and Appointment in memory,
 * takes transaction Bundles ({@link TransactionProvider}), and behaves like the HAPI JPA server
 * where DocPort depends on it: versioned writes, conditional update by identifier, 410 for deleted
 * ids, 400 for dangling references, 409 for deleting a referenced resource. Tests in the same JVM
 * can inject faults, add latency, require tokens and inspect what arrived. All methods are
 * thread-safe and take effect for the next request.
 *
 * <pre>{@code
 * try (InsurerServer insurer = InsurerServer.start(0)) {
 *   insurer.failWith(503, 2);   // the next two writes answer 503 with Retry-After: 1
 *   ... point DocPort at insurer.baseUrl() ...
 * }
 * }</pre>
 */
public final class InsurerServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InsurerServer.class);

  private final FhirContext fhir;
  private final ResourceStore store;
  private final Faults faults;
  private final FaultFilter faultFilter;
  private final AccessControl access;
  private final TransactionProvider transactions;
  private final EmbeddedTomcat http;

  private InsurerServer(int port, FhirContext fhir, Clock clock) {
    this.fhir = fhir;
    this.store =
        new ResourceStore(
            fhir,
            clock,
            Set.of(
                "Practitioner",
                "PractitionerRole",
                "Location",
                "Organization",
                "InsurancePlan",
                "OrganizationAffiliation",
                "HealthcareService",
                "Endpoint",
                "Schedule",
                "Slot",
                "Appointment"));
    this.faults = new Faults(clock);
    this.transactions = new TransactionProvider(store);
    this.access = new AccessControl(clock);
    ErrorResponses errors = new ErrorResponses(fhir);
    this.faultFilter = new FaultFilter(faults, errors);
    // Filter order is chain order: a gateway that is down fails before it authenticates.
    this.http =
        EmbeddedTomcat.start(
            port,
            fhirServlet(),
            new TokenEndpointServlet(access),
            List.of(faultFilter, new BearerTokenFilter(access, errors)));
  }

  /** Starts a server on {@code port}, or on a free port when {@code port} is 0. */
  public static InsurerServer start(int port) {
    FhirContext fhir = FhirContext.forR4Cached();
    // The first encode scans the model (~1 s); pay it here, not in the first test's timing.
    fhir.newJsonParser().encodeResourceToString(new Practitioner());
    InsurerServer server = new InsurerServer(port, fhir, Clock.systemUTC());
    log.info("Insurer simulator listening at {}", server.baseUrl());
    return server;
  }

  /** Runs the simulator standalone: {@code InsurerServer [port]} (default 8091). */
  public static void main(String[] args) throws InterruptedException {
    InsurerServer server = start(args.length > 0 ? Integer.parseInt(args[0]) : 8091);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "insurer-sim-shutdown"));
    Thread.currentThread().join();
  }

  /** The FHIR base URL, e.g. {@code http://localhost:8091/fhir}. */
  public String baseUrl() {
    return "http://localhost:" + port() + "/fhir";
  }

  /**
   * The OAuth2 client-credentials token endpoint, e.g. {@code http://localhost:8091/oauth/token}.
   */
  public String tokenUrl() {
    return "http://localhost:" + port() + "/oauth/token";
  }

  public int port() {
    return http.port();
  }

  /** The next {@code times} write requests answer {@code status} without touching the store. */
  public void failWith(int status, int times) {
    faults.failTimes(status, times);
  }

  /** Every write request answers {@code status} for the next {@code duration}. */
  public void failWithFor(int status, Duration duration) {
    faults.failFor(status, duration);
  }

  /** Every write request answers {@code status} until {@link #healthy()}. */
  public void failAlways(int status) {
    faults.failAlways(status);
  }

  /** Cancels any injected fault. Latency and access settings are left as they are. */
  public void healthy() {
    faults.clear();
  }

  /** Delays every FHIR request by {@code latency} before handling it; zero turns it off. */
  public void setLatency(Duration latency) {
    faultFilter.setLatency(latency);
  }

  /**
   * Delays every write request (create, update, delete) by {@code latency} on top of {@link
   * #setLatency}; a request takes the setting in force when it arrives. Zero turns it off.
   */
  public void setWriteLatency(Duration latency) {
    faultFilter.setWriteLatency(latency);
  }

  /** The resource types of the write requests being handled right now, one entry per request. */
  public List<String> writesInFlight() {
    return faultFilter.writesInFlight();
  }

  /** FHIR requests must carry {@code Authorization: Bearer <token>}; others get a 401. */
  public void requireBearerToken(String token) {
    access.requireToken(token);
  }

  /**
   * Enables {@code POST /oauth/token} for these client credentials and makes FHIR requests require
   * a token it issued (or the one from {@link #requireBearerToken}). Tokens live 300 seconds.
   */
  public void requireClientCredentials(String clientId, String secret) {
    access.requireClientCredentials(clientId, secret);
  }

  /** Turns bearer-token checks off again and forgets issued tokens. */
  public void allowAnonymous() {
    access.allowAnonymous();
  }

  /** Current versions of every live resource of a type, oldest write first. */
  public <T extends Resource> List<T> all(Class<T> type) {
    return store.current(fhir.getResourceType(type), stored -> true).stream()
        .map(stored -> type.cast(stored.copy()))
        .toList();
  }

  /**
   * The live resource with this identifier.
   *
   * @throws IllegalStateException if several match: a duplicate at the insurer is a bug to report
   */
  public <T extends Resource> Optional<T> findByIdentifier(
      Class<T> type, String system, String value) {
    List<T> matches =
        store
            .current(
                fhir.getResourceType(type),
                SearchCriteria.of(new TokenOrListParam(system, value), null))
            .stream()
            .map(stored -> type.cast(stored.copy()))
            .toList();
    if (matches.size() > 1) {
      throw new IllegalStateException(
          matches.size() + " " + type.getSimpleName() + " resources have " + system + "|" + value);
    }
    return matches.stream().findFirst();
  }

  /** Committed writes (creates, updates, deletes) since start or {@link #reset()}. */
  public int writeCount() {
    return store.writeLog().count();
  }

  /** Transaction Bundles committed since start (each counts once, whatever it held). */
  public int transactionCount() {
    return transactions.committed();
  }

  /** Committed writes in commit order, since start or {@link #reset()}. */
  public List<WriteLogEntry> writeLog() {
    return store.writeLog().entries();
  }

  /**
   * Calls {@code listener} at every commit with the writes it committed, in commit order: one call
   * per committed write, or per transaction with all its writes (a failed one is never reported).
   * It runs on the writing thread while the store's write lock is held, so it sees each commit the
   * moment it happens and no other commit meanwhile; it must be short. A listener that throws is
   * logged; the write stands. Replaces the listener set before; {@code null} removes it.
   */
  public void onCommit(Consumer<List<WriteLogEntry>> listener) {
    store.onCommit(listener);
  }

  /** The version a logged write produced, as stored; empty for a delete's or one reset away. */
  public <T extends Resource> Optional<T> written(WriteLogEntry entry, Class<T> type) {
    return store
        .version(entry.resourceType(), entry.id(), entry.versionId())
        .filter(stored -> !stored.deleted())
        .map(stored -> type.cast(stored.copy()));
  }

  /**
   * Empties the store, the write log and the write count. Server ids keep counting so an id is
   * never reused; faults, latency and access settings are left as they are.
   */
  public void reset() {
    store.reset();
  }

  @Override
  public void close() {
    http.close();
  }

  private RestfulServer fhirServlet() {
    RestfulServer servlet = new RestfulServer(fhir);
    servlet.setServerName("DocPort insurer simulator");
    servlet.setDefaultResponseEncoding(EncodingEnum.JSON);
    FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
    paging.setDefaultPageSize(50);
    paging.setMaximumPageSize(500);
    servlet.setPagingProvider(paging);
    servlet.setResourceProviders(
        new StoreBackedProvider<>(Practitioner.class, store),
        new PractitionerRoleProvider(store),
        new StoreBackedProvider<>(Location.class, store),
        new StoreBackedProvider<>(Organization.class, store),
        new StoreBackedProvider<>(InsurancePlan.class, store),
        new StoreBackedProvider<>(OrganizationAffiliation.class, store),
        new StoreBackedProvider<>(HealthcareService.class, store),
        new StoreBackedProvider<>(Endpoint.class, store),
        new StoreBackedProvider<>(Schedule.class, store),
        new StoreBackedProvider<>(Slot.class, store),
        new StoreBackedProvider<>(Appointment.class, store));
    servlet.registerProvider(transactions);
    return servlet;
  }
}
