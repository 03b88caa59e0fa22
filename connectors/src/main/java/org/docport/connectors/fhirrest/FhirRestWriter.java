package org.docport.connectors.fhirrest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.util.UrlUtil;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.docport.connectors.DeliveryResult;
import org.docport.connectors.Lease;
import org.docport.connectors.PreparedCalendar;
import org.docport.connectors.PreparedDelivery;
import org.docport.connectors.RejectedDeliveryException;
import org.docport.connectors.Withdrawal;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.mappings.PublishedResources;
import org.docport.mappings.References;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes one doctor's resources to one insurer's FHIR server, idempotently: each resource is a
 * conditional update on its DocPort business identifier, in dependency order, with references
 * rewritten to the ids the insurer's server assigned. Resources the doctor no longer has (a closed
 * practice location, or everything when the doctor became inactive) are deleted afterwards,
 * dependents first. The doctor's calendar goes with them: a Schedule per offered service among the
 * resources, and the slots and the insurer's own appointments that changed since the insurer's
 * version as transaction Bundles (a change of 500 slots is one request, not 500). When a consent
 * ends, everything the doctor owns at the insurer is withdrawn: appointment copies and slots first,
 * then roles are ended (an insurer that missed the deletion still sees the doctor no longer
 * practises there), then deleted with the doctor's schedules, services, locations, endpoints and
 * practitioner.
 */
public final class FhirRestWriter {

  /**
   * Doctor-owned resources that may be withdrawn, in deletion order (each before what it refers to:
   * roles refer to Endpoints); organisations, their network affiliations, networks and plans are
   * shared.
   */
  public static final List<String> WITHDRAWABLE =
      List.of(
          "Schedule",
          "PractitionerRole",
          "HealthcareService",
          "Location",
          "Endpoint",
          "Practitioner");

  /** Entries per transaction Bundle. */
  static final int MAX_ENTRIES = 1000;

  private static final TokenClientParam IDENTIFIER = new TokenClientParam("identifier");

  private final FhirContext fhir;
  private final IGenericClient client;
  private final FailedResponseHeaders failedResponses;
  private final boolean searchThenWrite;

  FhirRestWriter(
      FhirContext fhir,
      IGenericClient client,
      FailedResponseHeaders failedResponses,
      boolean searchThenWrite) {
    this.fhir = fhir;
    this.client = client;
    this.failedResponses = failedResponses;
    this.searchThenWrite = searchThenWrite;
  }

  /** A writer for the insurer at {@code baseUrl}, authenticating with {@code auth}. */
  public static FhirRestWriter create(FhirContext fhir, String baseUrl, AuthInterceptor auth) {
    return create(fhir, baseUrl, auth, false);
  }

  /**
   * A writer for the insurer at {@code baseUrl}; with {@code searchThenWrite}, for servers that
   * lack conditional update, each write first searches the business identifier.
   */
  public static FhirRestWriter create(
      FhirContext fhir, String baseUrl, AuthInterceptor auth, boolean searchThenWrite) {
    InsurerClient insurer = InsurerClient.open(fhir, baseUrl, auth);
    return new FhirRestWriter(fhir, insurer.client(), insurer.failedResponses(), searchThenWrite);
  }

  /**
   * Publishes a prepared delivery; see {@link #write(long, PublishedResources, Map, Lease)}, under
   * the job's lease.
   */
  public DeliveryResult.Delivered write(PreparedDelivery delivery) {
    if (delivery.message() != null) {
      throw new RejectedDeliveryException(
          "a FHIR server takes FHIR resources, not " + delivery.message().schema(),
          RejectedDeliveryException.NOT_HTTP,
          null,
          null);
    }
    return write(
        delivery.version(),
        delivery.resources(),
        delivery.calendar(),
        delivery.job().published(),
        delivery.job().lease());
  }

  /**
   * Publishes {@code resources} and withdraws what {@code previouslyPublished} has that they lack.
   * Each request starts only while {@code lease} outlasts it (the client's socket timeout), so no
   * write of this attempt can reach the insurer after another worker has taken the pair over.
   *
   * @throws org.docport.connectors.RetryableDeliveryException when the insurer should be tried
   *     again later
   * @throws org.docport.connectors.RejectedDeliveryException when it refused the data
   */
  public DeliveryResult.Delivered write(
      long version,
      PublishedResources resources,
      Map<String, String> previouslyPublished,
      Lease lease) {
    return write(version, resources, null, previouslyPublished, lease);
  }

  /**
   * Publishes {@code resources}, then writes the calendar's changes (slots and appointments refer
   * to the Schedules among the resources) as transactions, then withdraws what {@code
   * previouslyPublished} has that {@code resources} lack: a Schedule goes only after its slots.
   *
   * @param calendar the calendar part, or null when the delivery has none
   */
  public DeliveryResult.Delivered write(
      long version,
      PublishedResources resources,
      PreparedCalendar calendar,
      Map<String, String> previouslyPublished,
      Lease lease) {
    Duration longestRequest = Duration.ofMillis(fhir.getRestfulClientFactory().getSocketTimeout());
    Map<String, String> insurerRefs = new HashMap<>();
    Map<String, String> published = new LinkedHashMap<>();
    for (Resource resource : resources.resources()) {
      Identifier business = BusinessIdentifiers.of(resource);
      Resource body = References.rewrite(resource, insurerRefs);
      // The insurer assigns its own ids; a conditional update must not carry ours.
      body.setId((String) null);
      String fingerprint = fingerprint(body);
      PublishedRef previous =
          PublishedRef.parse(previouslyPublished.get(BusinessIdentifiers.token(business)));
      // Most changes touch one resource (the Practitioner, which carries the registry version);
      // what the insurer already holds unchanged is not sent again.
      String insurerRef;
      if (previous != null && previous.holds(fingerprint)) {
        insurerRef = previous.reference();
      } else {
        lease.ensureLasts(longestRequest);
        insurerRef = upsert(body, business);
      }
      insurerRefs.put(localRef(resource), insurerRef);
      published.put(
          BusinessIdentifiers.token(business),
          new PublishedRef(insurerRef, fingerprint).toString());
    }
    if (calendar != null) {
      writeCalendar(calendar, insurerRefs, lease, longestRequest);
    }
    lease.ensureLasts(longestRequest);
    withdraw(previouslyPublished, published.keySet());
    return new DeliveryResult.Delivered(
        version, published, calendar == null ? null : calendar.version());
  }

  /**
   * The calendar's changes as transactions of up to {@value #MAX_ENTRIES} entries: deletes of slots
   * no longer offered, and conditional updates of slots and appointments by business identifier,
   * their Schedule and Practitioner references rewritten to the insurer's ids.
   */
  private void writeCalendar(
      PreparedCalendar calendar,
      Map<String, String> insurerRefs,
      Lease lease,
      Duration longestRequest) {
    List<Bundle.BundleEntryComponent> entries = new ArrayList<>();
    calendar
        .removedSlotIds()
        .forEach(id -> entries.add(delete("Slot", BusinessIdentifiers.slot(id))));
    calendar.slots().forEach(slot -> entries.add(put(References.rewrite(slot, insurerRefs))));
    calendar.appointments().forEach(a -> entries.add(put(References.rewrite(a, insurerRefs))));
    transact(entries, () -> lease.ensureLasts(longestRequest));
  }

  private void transact(List<Bundle.BundleEntryComponent> entries, Runnable beforeEach) {
    for (int from = 0; from < entries.size(); from += MAX_ENTRIES) {
      Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
      entries.subList(from, Math.min(entries.size(), from + MAX_ENTRIES)).forEach(bundle::addEntry);
      beforeEach.run();
      InsurerErrors.call(
          "transaction of " + bundle.getEntry().size() + " calendar entries",
          failedResponses,
          () -> client.transaction().withBundle(bundle).execute());
    }
  }

  private static Bundle.BundleEntryComponent put(Resource resource) {
    Identifier business = BusinessIdentifiers.of(resource);
    resource.setId((String) null);
    Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent().setResource(resource);
    entry
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl(conditional(resource.fhirType(), business));
    return entry;
  }

  private static Bundle.BundleEntryComponent delete(String type, Identifier business) {
    Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent();
    entry.getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl(conditional(type, business));
    return entry;
  }

  /** {@code Type?identifier=system|value}, the parameter URL-encoded. */
  private static String conditional(String type, Identifier business) {
    return type + "?identifier=" + UrlUtil.escapeUrlParam(BusinessIdentifiers.token(business));
  }

  /**
   * Withdraws every doctor-owned resource the insurer holds: PractitionerRoles are ended, then
   * roles, services, locations, endpoints and the practitioner are deleted, dependents first.
   * Resources already gone are not an error, so a repeated withdrawal is harmless.
   *
   * @return what stays published: the shared organisations and networks
   */
  public Map<String, String> withdrawAll(Withdrawal withdrawal) {
    List<Bundle.BundleEntryComponent> calendar = new ArrayList<>();
    withdrawal
        .appointmentIds()
        .forEach(id -> calendar.add(delete("Appointment", BusinessIdentifiers.appointment(id))));
    withdrawal.slotIds().forEach(id -> calendar.add(delete("Slot", BusinessIdentifiers.slot(id))));
    transact(calendar, () -> {});
    Map<String, String> published = withdrawal.published();
    published.values().stream()
        .map(PublishedRef::referenceOf)
        .filter(ref -> typeOf(ref).equals("PractitionerRole"))
        .forEach(this::end);
    withdraw(published, Set.of());
    Map<String, String> remaining = new LinkedHashMap<>();
    published.forEach(
        (key, stored) -> {
          if (!WITHDRAWABLE.contains(typeOf(PublishedRef.referenceOf(stored)))) {
            remaining.put(key, stored);
          }
        });
    return remaining;
  }

  private void end(String roleRef) {
    String id = roleRef.split("/", 2)[1];
    InsurerErrors.callIgnoringGone(
        "end " + roleRef,
        failedResponses,
        () -> {
          PractitionerRole role =
              client.read().resource(PractitionerRole.class).withId(id).execute();
          if (endIfRunning(role, LocalDate.now(ZoneOffset.UTC))) {
            client.update().resource(role).prefer(PreferReturnEnum.MINIMAL).execute();
          }
          return role;
        });
  }

  /**
   * Ends the role's period on {@code today} unless it has already ended; true when it changed.
   * Plan-Net fixes {@code active} to true, so a period's end, not {@code active = false}, is how a
   * role it still validates says it is over.
   */
  static boolean endIfRunning(PractitionerRole role, LocalDate today) {
    DateTimeType end = role.getPeriod().getEndElement();
    if (end.getValue() != null
        && !end.getValueAsCalendar().toZonedDateTime().toLocalDate().isAfter(today)) {
      return false;
    }
    role.getPeriod().setEndElement(new DateTimeType(today.toString()));
    return true;
  }

  private String fingerprint(Resource body) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  fhir.newJsonParser()
                      .encodeResourceToString(body)
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String upsert(Resource body, Identifier business) {
    Resource resource = body;
    MethodOutcome outcome =
        searchThenWrite
            ? searchThenWrite(body, business)
            : InsurerErrors.call(
                "update " + resource.fhirType() + " " + BusinessIdentifiers.token(business),
                failedResponses,
                () ->
                    client
                        .update()
                        .resource(body)
                        .conditional()
                        .where(
                            IDENTIFIER
                                .exactly()
                                .systemAndCode(business.getSystem(), business.getValue()))
                        // Only the id is needed back: spare the insurer echoing the resource.
                        .prefer(PreferReturnEnum.MINIMAL)
                        .execute());
    if (outcome == null || outcome.getId() == null || outcome.getId().getIdPart() == null) {
      throw InsurerErrors.protocol(
          "insurer answered the update of "
              + BusinessIdentifiers.token(business)
              + " without a resource id");
    }
    return resource.fhirType() + "/" + outcome.getId().getIdPart();
  }

  /** Finds the resource by business identifier, then updates it by id or creates it. */
  private MethodOutcome searchThenWrite(Resource body, Identifier business) {
    String what =
        "search-then-write " + body.fhirType() + " " + BusinessIdentifiers.token(business);
    Bundle found =
        InsurerErrors.call(
            what,
            failedResponses,
            () ->
                client
                    .search()
                    .forResource(body.fhirType())
                    .where(
                        IDENTIFIER
                            .exactly()
                            .systemAndCode(business.getSystem(), business.getValue()))
                    .returnBundle(Bundle.class)
                    .execute());
    List<Resource> matches =
        found.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
    if (matches.size() > 1) {
      throw new RejectedDeliveryException(
          what + ": the insurer holds " + matches.size() + " resources with this identifier",
          412,
          null,
          null);
    }
    if (matches.isEmpty()) {
      return InsurerErrors.call(
          what,
          failedResponses,
          () -> client.create().resource(body).prefer(PreferReturnEnum.MINIMAL).execute());
    }
    body.setId(matches.get(0).getIdElement().getIdPart());
    return InsurerErrors.call(
        what,
        failedResponses,
        () -> client.update().resource(body).prefer(PreferReturnEnum.MINIMAL).execute());
  }

  private void withdraw(Map<String, String> previouslyPublished, Set<String> stillPublished) {
    previouslyPublished.entrySet().stream()
        .filter(e -> !stillPublished.contains(e.getKey()))
        .map(e -> PublishedRef.referenceOf(e.getValue()))
        .filter(ref -> WITHDRAWABLE.contains(typeOf(ref)))
        .sorted(Comparator.comparingInt(ref -> WITHDRAWABLE.indexOf(typeOf(ref))))
        .forEach(
            ref ->
                InsurerErrors.callIgnoringGone(
                    "delete " + ref,
                    failedResponses,
                    () ->
                        client.delete().resourceById(typeOf(ref), ref.split("/", 2)[1]).execute()));
  }

  private static String localRef(Resource resource) {
    return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
  }

  private static String typeOf(String reference) {
    return reference.split("/", 2)[0];
  }
}
