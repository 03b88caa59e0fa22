package org.docport.hub.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;

/**
 * The topics as R4 can carry them: a {@code Basic} whose code is {@code
 * http://hl7.org/fhir/fhir-types|SubscriptionTopic}, holding the R5 SubscriptionTopic's elements in
 * cross-version extensions. The Subscriptions Backport IG describes this representation (and
 * discovery by {@code Basic?code=...}) from its 1.2.0 ballot on; 1.1.0 left topic definitions out
 * of scope for R4. The extension URLs are the ones the IG's example {@code
 * Basic/r4-encounter-complete} uses and HAPI FHIR reads into an R5 SubscriptionTopic ({@code
 * SubscriptionConstants}, {@code SubscriptionTopicCanonicalizer}): the topic's own elements under
 * {@code 5.0}, its trigger, filters and shape under {@code 4.3}. No profile is claimed: the
 * cross-version profile published for this names the {@code 5.0} extensions throughout, so these
 * resources would not conform to it.
 *
 * <p>What a topic says is what DocPort does: every create, update and delete (removal from the
 * insurer's view included) of its resource type; filters by exactly the search parameters {@link
 * SubscriptionFilters} answers for that type; and notifications that carry the changed resource
 * alone, nothing included.
 */
final class SubscriptionTopicBasics {

  static final String FHIR_TYPES = "http://hl7.org/fhir/fhir-types";
  static final String CODE = "SubscriptionTopic";
  private static final String R5 = "http://hl7.org/fhir/5.0/StructureDefinition/extension-";
  private static final String R4B = "http://hl7.org/fhir/4.3/StructureDefinition/extension-";
  static final String URL = R5 + "SubscriptionTopic.url";
  static final String TITLE = R5 + "SubscriptionTopic.title";
  static final String STATUS = R5 + "SubscriptionTopic.status";
  static final String DESCRIPTION = R5 + "SubscriptionTopic.description";
  static final String RESOURCE_TRIGGER = R4B + "SubscriptionTopic.resourceTrigger";
  static final String CAN_FILTER_BY = R4B + "SubscriptionTopic.canFilterBy";
  static final String NOTIFICATION_SHAPE = R4B + "SubscriptionTopic.notificationShape";
  private static final String STRUCTURE_DEFINITION = "http://hl7.org/fhir/StructureDefinition/";

  private SubscriptionTopicBasics() {}

  static Basic basic(SubscriptionTopics.Topic topic) {
    String type = topic.resourceType();
    Basic basic = new Basic();
    basic.setId(new IdType("Basic", topic.id()));
    basic.setCode(new CodeableConcept(new Coding(FHIR_TYPES, CODE, "SubscriptionTopic")));
    basic.addModifierExtension(new Extension(STATUS, new CodeType("active")));
    basic.addExtension(new Extension(URL, new UriType(topic.url())));
    basic.addExtension(new Extension(TITLE, new StringType(topic.title())));
    basic.addExtension(
        new Extension(
            DESCRIPTION,
            new MarkdownType(
                "A "
                    + type
                    + " of the insurer's directory view was created, changed or removed (a"
                    + " removal includes the doctor's consent to the insurer ending). Notifications"
                    + " carry the "
                    + type
                    + " alone, as its id or in full as the subscription asks.")));
    basic.addExtension(trigger(type));
    filters(type).forEach(basic::addExtension);
    basic.addExtension(complex(NOTIFICATION_SHAPE, part("resource", new UriType(type))));
    return basic;
  }

  /**
   * Whether a {@code code} search token matches the topics' code: {@code system|code}, or {@code
   * code} alone ({@code system} null); {@code |code} asks for a code without a system, not theirs.
   */
  static boolean isTopic(String system, String code) {
    return (system == null || system.equals(FHIR_TYPES)) && CODE.equals(code);
  }

  private static Extension trigger(String type) {
    return complex(
        RESOURCE_TRIGGER,
        part("description", new MarkdownType("A " + type + " is created, changed or removed.")),
        part("resource", new UriType(STRUCTURE_DEFINITION + type)),
        part("supportedInteraction", new CodeType("create")),
        part("supportedInteraction", new CodeType("update")),
        part("supportedInteraction", new CodeType("delete")));
  }

  /**
   * One per parameter a filter ({@code backport-filter-criteria}) may use: the type's search
   * parameters, with the chains the description names, and {@code _id} and {@code _lastUpdated}.
   */
  private static List<Extension> filters(String type) {
    List<Extension> filters = new ArrayList<>();
    if (SubscriptionTopics.ofAppointments(type)) {
      return filters; // the insurer's own appointments, each of them: nothing to filter
    }
    for (SearchParameters.Parameter parameter : SearchParameters.of(type)) {
      String description = DirectoryCapabilities.documentation(parameter);
      if (parameter.type() == SearchParameters.Type.STRING) {
        description += " Modifiers: exact, contains.";
      }
      filters.add(filter(type, parameter.code(), description));
    }
    filters.add(filter(type, "_id", "Matches the resource's id."));
    filters.add(
        filter(
            type,
            "_lastUpdated",
            "Matches when the resource was last changed (prefixes eq, ge, gt, le, lt)."));
    return filters;
  }

  private static Extension filter(String type, String parameter, String description) {
    return complex(
        CAN_FILTER_BY,
        part("description", new MarkdownType(description)),
        part("resource", new UriType(type)),
        part("filterParameter", new StringType(parameter)));
  }

  private static Extension complex(String url, Extension... parts) {
    Extension extension = new Extension(url);
    for (Extension part : parts) {
      extension.addExtension(part);
    }
    return extension;
  }

  private static Extension part(String url, Type value) {
    return new Extension(url, value);
  }
}
