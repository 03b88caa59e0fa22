package org.docport.hub.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelComponent;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionStatus;

/**
 * Reads a Subscription an insurer posts, as the Subscriptions Backport IG shapes it: the topic's
 * canonical URL in {@code criteria}, filters in its {@code backport-filter-criteria} extension, a
 * rest-hook channel whose payload names the content in {@code backport-payload-content}, and
 * DocPort's own {@code notification-signing-secret} on the channel. Every problem is reported at
 * once, each naming the element to fix.
 */
final class SubscriptionRequests {

  static final String BACKPORT =
      "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";
  static final String FILTER = BACKPORT + "backport-filter-criteria";
  static final String CONTENT = BACKPORT + "backport-payload-content";
  static final String HEARTBEAT = BACKPORT + "backport-heartbeat-period";
  static final String SECRET =
      "https://docport.org/fhir/StructureDefinition/notification-signing-secret";
  static final String JSON = "application/fhir+json";
  static final Set<String> CONTENTS = Set.of("empty", "id-only", "full-resource");
  static final int MAX_HEARTBEAT = 86_400;
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "host",
          "content-length",
          "content-type",
          "connection",
          "expect",
          "upgrade",
          "transfer-encoding",
          "x-docport-signature");

  /** What a valid request asks for. */
  record NewSubscription(
      String topic,
      String filter,
      String reason,
      String endpoint,
      String content,
      List<String> headers,
      String secret,
      Integer heartbeatSeconds,
      Instant end) {}

  private final List<String[]> problems = new ArrayList<>();
  private final boolean allowHttpLocalhost;

  private SubscriptionRequests(boolean allowHttpLocalhost) {
    this.allowHttpLocalhost = allowHttpLocalhost;
  }

  /**
   * @throws InvalidRequestException a 400 whose OperationOutcome names each offending element
   */
  static NewSubscription parse(Subscription subscription, boolean allowHttpLocalhost) {
    return new SubscriptionRequests(allowHttpLocalhost).read(subscription);
  }

  private NewSubscription read(Subscription s) {
    if (s.hasStatus() && s.getStatus() != SubscriptionStatus.REQUESTED) {
      problem(
          "Subscription.status",
          "send 'requested' (or nothing): DocPort activates the subscription after the handshake");
    }
    String topic = topic(s);
    Instant end = end(s);
    String filter = topic == null ? null : filter(s, topic);
    SubscriptionChannelComponent channel = s.hasChannel() ? s.getChannel() : null;
    String endpoint = null;
    String content = null;
    List<String> headers = List.of();
    String secret = null;
    Integer heartbeat = null;
    if (channel == null || channel.isEmpty()) {
      problem("Subscription.channel", "required: a rest-hook channel with an endpoint");
    } else {
      if (channel.getType() != SubscriptionChannelType.RESTHOOK) {
        problem("Subscription.channel.type", "must be rest-hook, the one channel DocPort sends to");
      }
      endpoint = endpoint(channel);
      content = content(channel);
      headers = headers(channel);
      secret = secret(channel);
      heartbeat = heartbeat(channel);
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    String reason = s.hasReason() ? s.getReason() : "DocPort directory changes";
    return new NewSubscription(
        topic, filter, reason, endpoint, content, headers, secret, heartbeat, end);
  }

  /** When to turn the subscription off, if ever; a time already past is refused. */
  private Instant end(Subscription s) {
    if (!s.hasEnd()) {
      return null;
    }
    Instant end = s.getEnd().toInstant();
    if (!end.isAfter(Instant.now())) {
      problem(
          "Subscription.end",
          "'"
              + s.getEndElement().getValueAsString()
              + "' has already passed; send a future instant, or no end for a subscription that"
              + " runs until deleted");
      return null;
    }
    return end;
  }

  private String topic(Subscription s) {
    String criteria = s.getCriteria();
    if (criteria == null || criteria.isBlank()) {
      problem("Subscription.criteria", "required: the canonical URL of a topic, " + topics());
      return null;
    }
    if (SubscriptionTopics.byUrl(criteria).isEmpty()) {
      problem(
          "Subscription.criteria",
          "'" + criteria + "' is not a topic of this server; use one of " + topics());
      return null;
    }
    return criteria;
  }

  /** At most one filter, a search on the topic's resource type ({@code Practitioner?family=x}). */
  private String filter(Subscription s, String topic) {
    String element = "Subscription.criteria.extension('backport-filter-criteria')";
    List<Extension> filters = s.getCriteriaElement().getExtensionsByUrl(FILTER);
    if (filters.isEmpty()) {
      return null;
    }
    if (filters.size() > 1) {
      problem(element, "at most one filter; combine parameters with &");
      return null;
    }
    String type = SubscriptionTopics.byUrl(topic).orElseThrow().resourceType();
    if (SubscriptionTopics.ofAppointments(type)) {
      problem(
          element,
          "the appointment topic takes no filter: it tells of the insurer's own"
              + " appointments, each of them");
      return null;
    }
    String raw = primitive(filters.get(0));
    if (raw == null || raw.isBlank()) {
      problem(element, "a valueString such as " + type + "?identifier=system|value");
      return null;
    }
    String query = raw.startsWith(type + "?") ? raw.substring(type.length() + 1) : raw;
    if (query.contains("?") || query.isBlank()) {
      problem(element, "'" + raw + "' is not a search on " + type + " (" + type + "?param=value)");
      return null;
    }
    try {
      SubscriptionFilters.check(type, query);
    } catch (InvalidRequestException e) {
      problem(element, e.getMessage());
      return null;
    }
    return query;
  }

  private String endpoint(SubscriptionChannelComponent channel) {
    String element = "Subscription.channel.endpoint";
    String endpoint = channel.getEndpoint();
    if (endpoint == null || endpoint.isBlank()) {
      problem(element, "required: the https URL notifications are posted to");
      return null;
    }
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      problem(element, "'" + endpoint + "' is not a URL");
      return null;
    }
    if (uri.getHost() == null || uri.getUserInfo() != null) {
      problem(element, "'" + endpoint + "' is not an absolute URL with a host (and no user info)");
      return null;
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean localHttp =
        allowHttpLocalhost && "http".equalsIgnoreCase(uri.getScheme()) && loopback(uri.getHost());
    if (!https && !localHttp) {
      problem(element, "must be an https:// URL");
      return null;
    }
    return endpoint;
  }

  private String content(SubscriptionChannelComponent channel) {
    if (!channel.hasPayload()) {
      return "id-only";
    }
    String payload = channel.getPayload();
    if (payload != null && !payload.equals(JSON) && !payload.equals("application/json")) {
      problem("Subscription.channel.payload", "DocPort sends " + JSON + " only");
    }
    List<Extension> contents = channel.getPayloadElement().getExtensionsByUrl(CONTENT);
    if (contents.isEmpty()) {
      return "id-only";
    }
    String content = primitive(contents.get(0));
    if (contents.size() > 1 || !CONTENTS.contains(content)) {
      problem(
          "Subscription.channel.payload.extension('backport-payload-content')",
          "one of empty, id-only or full-resource");
    }
    return content;
  }

  private List<String> headers(SubscriptionChannelComponent channel) {
    List<String> headers = new ArrayList<>();
    for (int i = 0; i < channel.getHeader().size(); i++) {
      String header = channel.getHeader().get(i).getValue();
      if (header == null || !header.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+: ?[^\\r\\n]*")) {
        problem(
            "Subscription.channel.header[" + i + "]",
            "'Name: value', e.g. 'Authorization: Bearer <token>'");
      } else if (RESERVED_HEADERS.contains(
          header.substring(0, header.indexOf(':')).toLowerCase(Locale.ROOT))) {
        problem(
            "Subscription.channel.header[" + i + "]",
            "DocPort sets this header itself; send another");
      } else {
        headers.add(header);
      }
    }
    return headers;
  }

  private String secret(SubscriptionChannelComponent channel) {
    String element = "Subscription.channel.extension('notification-signing-secret')";
    List<Extension> secrets = channel.getExtensionsByUrl(SECRET);
    String secret = secrets.size() == 1 ? primitive(secrets.get(0)) : null;
    if (secret == null || secret.length() < 16 || secret.length() > 256) {
      problem(
          element,
          "one valueString of 16 to 256 characters, the key DocPort signs each notification with"
              + " (X-DocPort-Signature); it is never shown again");
      return null;
    }
    return secret;
  }

  private Integer heartbeat(SubscriptionChannelComponent channel) {
    List<Extension> periods = channel.getExtensionsByUrl(HEARTBEAT);
    if (periods.isEmpty()) {
      return null;
    }
    String raw = primitive(periods.get(0));
    try {
      int seconds = Integer.parseInt(raw == null ? "" : raw);
      if (periods.size() == 1 && seconds >= 1 && seconds <= MAX_HEARTBEAT) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(
        "Subscription.channel.extension('backport-heartbeat-period')",
        "one valueUnsignedInt, seconds between 1 and " + MAX_HEARTBEAT);
    return null;
  }

  private static String primitive(Extension extension) {
    return extension.getValue() instanceof PrimitiveType<?> p ? p.getValueAsString() : null;
  }

  /** By name, never by a DNS lookup: a name that resolves to 127.0.0.1 elsewhere is not local. */
  private static boolean loopback(String host) {
    return Set.of("localhost", "127.0.0.1", "[::1]").contains(host.toLowerCase(Locale.ROOT));
  }

  private static String topics() {
    return String.join(", ", SubscriptionTopics.ALL.stream().map(t -> t.url()).toList());
  }

  private void problem(String element, String message) {
    problems.add(new String[] {element, message});
  }

  /** A 400 with one issue per problem, each naming its element in {@code expression}. */
  static InvalidRequestException invalid(List<String[]> problems) {
    OperationOutcome outcome = new OperationOutcome();
    Map<String, String> byElement = new LinkedHashMap<>();
    for (String[] problem : problems) {
      byElement.merge(problem[0], problem[1], (a, b) -> a + "; " + b);
      outcome
          .addIssue()
          .setSeverity(IssueSeverity.ERROR)
          .setCode(IssueType.INVALID)
          .setDiagnostics(problem[0] + ": " + problem[1])
          .addExpression(problem[0]);
    }
    String message =
        String.join(
            " ", byElement.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    return new InvalidRequestException("Invalid Subscription. " + message, outcome);
  }
}
