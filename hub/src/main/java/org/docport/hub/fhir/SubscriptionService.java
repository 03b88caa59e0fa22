package org.docport.hub.fhir;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.stereotype.Component;

/**
 * An insurer's subscriptions through the FHIR API: create, read, search, delete, {@code $status}
 * and {@code $events}. Each insurer sees only its own subscriptions (another's answers 404, as one
 * that never existed), and a subscription only ever tells what the insurer's directory view holds.
 * Also the topics it may subscribe to, the same for every insurer, as {@code Basic} resources.
 */
@Component
class SubscriptionService {

  static final String TYPE = "Subscription";
  static final String TOPIC_TYPE = "Basic";
  static final int MAX_EVENTS_PER_QUERY = 500;

  private final SubscriptionStore store;
  private final SubscriptionEvents events;
  private final SubscriptionSettings settings;
  private final Callers callers;

  SubscriptionService(
      SubscriptionStore store,
      SubscriptionEvents events,
      SubscriptionSettings settings,
      Callers callers) {
    this.store = store;
    this.events = events;
    this.settings = settings;
    this.callers = callers;
  }

  MethodOutcome create(Subscription subscription, RequestDetails request) {
    Caller caller = callers.current();
    requireWrite(caller);
    SubscriptionRequests.NewSubscription wanted =
        SubscriptionRequests.parse(subscription, settings.allowHttpLocalhost());
    String id =
        store.create(wanted, caller.insurerId(), caller.clientId(), request.getFhirServerBase());
    Subscription created = SubscriptionBundles.resource(find(caller, id));
    return new MethodOutcome(new IdType(TYPE, id)).setCreated(true).setResource(created);
  }

  Subscription read(IdType id) {
    Caller caller = callers.current();
    require(caller.scopes().mayRead(TYPE), "reading", TYPE);
    return SubscriptionBundles.resource(find(caller, id.getIdPart()));
  }

  List<Subscription> search() {
    Caller caller = callers.current();
    require(caller.scopes().maySearch(TYPE), "searching", TYPE);
    return store.list(caller.insurerId()).stream().map(SubscriptionBundles::resource).toList();
  }

  void delete(IdType id) {
    Caller caller = callers.current();
    requireWrite(caller);
    if (!store.delete(caller.insurerId(), id.getIdPart())) {
      throw notFound(id.getIdPart());
    }
  }

  Bundle status(IdType id) {
    Caller caller = callers.current();
    require(caller.scopes().mayRead(TYPE), "reading", TYPE);
    return SubscriptionBundles.statusBundle(find(caller, id.getIdPart()));
  }

  /**
   * Events {@code since} to {@code until} (inclusive; by default from the first to the last
   * recorded), at most {@value #MAX_EVENTS_PER_QUERY}: how a subscriber that missed notifications
   * catches up.
   */
  Bundle events(IdType id, String since, String until, String content, RequestDetails request) {
    Caller caller = callers.current();
    require(caller.scopes().mayRead(TYPE), "reading", TYPE);
    SubscriptionStore.Row row = find(caller, id.getIdPart());
    long from = number("eventsSinceNumber", since, 1);
    long to = number("eventsUntilNumber", until, row.eventsSinceStart());
    String style = content == null ? row.content() : content;
    if (!SubscriptionRequests.CONTENTS.contains(style)) {
      throw SubscriptionRequests.invalid(
          List.<String[]>of(new String[] {"content", "one of empty, id-only or full-resource"}));
    }
    List<SubscriptionBundles.Told> told =
        events.told(row, store.events(row.id(), from, to, MAX_EVENTS_PER_QUERY));
    events.disclose(
        row,
        caller,
        "operation",
        request.getCompleteUrl().replaceFirst("^https?://[^/]+", ""),
        told);
    return SubscriptionBundles.notification(
        row, SubscriptionBundles.Type.QUERY_EVENT, told, style, row.eventsSinceStart());
  }

  /** A topic by its id; the same for every insurer, so neither audited nor filtered by consent. */
  Basic topic(IdType id) {
    require(callers.current().scopes().mayRead(TOPIC_TYPE), "reading", TOPIC_TYPE);
    return SubscriptionTopics.byId(id.getIdPart())
        .map(SubscriptionTopicBasics::basic)
        .orElseThrow(() -> new ResourceNotFoundException(new IdType(TOPIC_TYPE, id.getIdPart())));
  }

  /**
   * The topics whose {@code Basic.code} matches {@code code} (DocPort's {@code Basic} resources are
   * all topics) and whose canonical URL is {@code url}; null matches any.
   */
  List<Basic> topics(TokenParam code, String url) {
    require(callers.current().scopes().maySearch(TOPIC_TYPE), "searching", TOPIC_TYPE);
    if (code != null && !SubscriptionTopicBasics.isTopic(code.getSystem(), code.getValue())) {
      return List.of();
    }
    return SubscriptionTopics.ALL.stream()
        .filter(t -> url == null || t.url().equals(url))
        .map(SubscriptionTopicBasics::basic)
        .toList();
  }

  private SubscriptionStore.Row find(Caller caller, String id) {
    return store.find(caller.insurerId(), id).orElseThrow(() -> notFound(id));
  }

  private static long number(String parameter, String raw, long fallback) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(raw.strip());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw SubscriptionRequests.invalid(
        List.<String[]>of(
            new String[] {parameter, "'" + raw + "' is not an event number (1 or more)"}));
  }

  private static ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException(new IdType(TYPE, id));
  }

  private static void requireWrite(Caller caller) {
    if (!caller.scopes().mayWrite(TYPE)) {
      throw new ForbiddenOperationException(
          "The access token's scopes do not allow creating or deleting subscriptions;"
              + " ask for system/Subscription.write or system/Subscription.cud.");
    }
  }

  private static void require(boolean allowed, String interaction, String type) {
    if (!allowed) {
      throw new ForbiddenOperationException(
          "The access token's scopes do not allow %s %s; ask for system/%s.read or system/%s.rs."
              .formatted(interaction, type, type, type));
    }
  }
}
