package org.docport.hub.fhir;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * The Subscriptions Backport's shapes: a stored subscription as the R4 Subscription resource (the
 * signing secret left out), its status as a {@code SubscriptionStatus} Parameters, and notification
 * bundles (type history, the status first, then the changed resources).
 */
final class SubscriptionBundles {

  static final String SUBSCRIPTION_PROFILE =
      SubscriptionRequests.BACKPORT + "backport-subscription";
  static final String STATUS_PROFILE =
      SubscriptionRequests.BACKPORT + "backport-subscription-status-r4";
  static final String NOTIFICATION_PROFILE =
      SubscriptionRequests.BACKPORT + "backport-subscription-notification-r4";

  /** The notification types of the IG. */
  enum Type {
    HANDSHAKE("handshake"),
    HEARTBEAT("heartbeat"),
    EVENT_NOTIFICATION("event-notification"),
    QUERY_STATUS("query-status"),
    QUERY_EVENT("query-event");

    final String code;

    Type(String code) {
      this.code = code;
    }
  }

  /**
   * An event as it may be told now: {@code visible} is the version the insurer may see, null for a
   * deletion and for a version whose doctor the insurer may no longer see (then nothing of the
   * resource is told); {@code resource} is that version as the insurer reads it.
   */
  record Told(SubscriptionStore.Event event, DirectoryQueries.Stored visible, Resource resource) {
    boolean focus() {
      return event.deleted() || visible != null;
    }
  }

  private SubscriptionBundles() {}

  static Subscription resource(SubscriptionStore.Row row) {
    Subscription s = new Subscription();
    s.setId(new org.hl7.fhir.r4.model.IdType("Subscription", row.id()));
    s.getMeta().addProfile(SUBSCRIPTION_PROFILE);
    s.setStatus(SubscriptionStatus.fromCode(row.status().code()));
    s.setReason(row.reason());
    s.setCriteria(row.topic());
    if (row.filter() != null) {
      String type = SubscriptionTopics.byUrl(row.topic()).orElseThrow().resourceType();
      s.getCriteriaElement()
          .addExtension(SubscriptionRequests.FILTER, new StringType(type + "?" + row.filter()));
    }
    if (row.error() != null) {
      s.setError(row.error());
    }
    if (row.end() != null) {
      s.setEnd(Date.from(row.end()));
    }
    Subscription.SubscriptionChannelComponent channel = s.getChannel();
    channel.setType(SubscriptionChannelType.RESTHOOK).setEndpoint(row.endpoint());
    channel.setPayload(SubscriptionRequests.JSON);
    channel
        .getPayloadElement()
        .addExtension(SubscriptionRequests.CONTENT, new CodeType(row.content()));
    row.headers().forEach(channel::addHeader);
    if (row.heartbeatSeconds() != null) {
      channel.addExtension(
          new Extension(
              SubscriptionRequests.HEARTBEAT, new UnsignedIntType(row.heartbeatSeconds())));
    }
    return s;
  }

  /**
   * A notification bundle of {@code type}, telling {@code events} as the subscription asked; {@code
   * eventsSinceStart} counts the events up to the last one told.
   */
  static Bundle notification(
      SubscriptionStore.Row row,
      Type type,
      List<Told> events,
      String content,
      long eventsSinceStart) {
    Bundle bundle = new Bundle().setType(BundleType.HISTORY);
    bundle.setId(UUID.randomUUID().toString());
    bundle.getMeta().addProfile(NOTIFICATION_PROFILE);
    bundle.setTimestamp(new Date());
    Parameters status = status(row, type, eventsSinceStart, content);
    boolean focus = !content.equals("empty");
    for (Told told : events) {
      ParametersParameterComponent event = status.addParameter().setName("notification-event");
      event.addPart().setName("event-number").setValue(new StringType(number(told)));
      event.addPart().setName("timestamp").setValue(new InstantType(Date.from(told.event().at())));
      if (focus && told.focus()) {
        event.addPart().setName("focus").setValue(new Reference(fullUrl(row, told.event())));
      }
    }
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:" + UUID.randomUUID())
        .setResource(status)
        .getRequest()
        .setMethod(HTTPVerb.GET)
        .setUrl("Subscription/" + row.id() + "/$status");
    bundle.getEntryFirstRep().getResponse().setStatus("200");
    if (focus) {
      for (Told told : events) {
        if (told.focus()) {
          entry(bundle, row, told, content.equals("full-resource"));
        }
      }
    }
    return bundle;
  }

  /** {@code $status}: a searchset holding the subscription's status. */
  static Bundle statusBundle(SubscriptionStore.Row row) {
    Bundle bundle = new Bundle().setType(BundleType.SEARCHSET);
    bundle.setTotal(1);
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:" + UUID.randomUUID())
        .setResource(status(row, Type.QUERY_STATUS, row.eventsSinceStart(), row.content()))
        .getSearch()
        .setMode(Bundle.SearchEntryMode.MATCH);
    return bundle;
  }

  /**
   * The {@code SubscriptionStatus}. Its {@code topic} is left out for {@code empty} content, which
   * the Backport says SHOULD NOT carry it (and SHOULD for {@code full-resource}).
   */
  private static Parameters status(
      SubscriptionStore.Row row, Type type, long eventsSinceStart, String content) {
    Parameters status = new Parameters();
    status.setId(UUID.randomUUID().toString());
    status.getMeta().addProfile(STATUS_PROFILE);
    status
        .addParameter()
        .setName("subscription")
        .setValue(new Reference(row.serverBase() + "/Subscription/" + row.id()));
    if (!content.equals("empty")) {
      status.addParameter().setName("topic").setValue(new CanonicalType(row.topic()));
    }
    status.addParameter().setName("status").setValue(new CodeType(row.status().code()));
    status.addParameter().setName("type").setValue(new CodeType(type.code));
    status
        .addParameter()
        .setName("events-since-subscription-start")
        .setValue(new StringType(Long.toString(eventsSinceStart)));
    if (row.error() != null) {
      status.addParameter().setName("error").setValue(new CodeableConcept().setText(row.error()));
    }
    return status;
  }

  private static void entry(Bundle bundle, SubscriptionStore.Row row, Told told, boolean full) {
    SubscriptionStore.Event event = told.event();
    Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl(row, event));
    String url = event.type() + "/" + event.resourceId();
    if (event.deleted()) {
      entry.getRequest().setMethod(HTTPVerb.DELETE).setUrl(url);
      entry.getResponse().setStatus("204");
      return;
    }
    entry.getRequest().setMethod(event.version() == 1 ? HTTPVerb.POST : HTTPVerb.PUT).setUrl(url);
    entry
        .getResponse()
        .setStatus(event.version() == 1 ? "201" : "200")
        .setEtag("W/\"" + event.version() + "\"")
        .setLastModified(Date.from(event.at()));
    if (full) {
      entry.setResource(told.resource());
    }
  }

  private static String fullUrl(SubscriptionStore.Row row, SubscriptionStore.Event event) {
    return row.serverBase() + "/" + event.type() + "/" + event.resourceId();
  }

  private static String number(Told told) {
    return Long.toString(told.event().number());
  }
}
