package org.docport.hub.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.docport.mappings.BusinessIdentifiers;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/** A disclosure as a FHIR AuditEvent: who (the insurer's client) read what of which doctor. */
final class AuditEvents {

  static final String CLIENT_SYSTEM = "https://docport.org/fhir/sid/smart-client";

  /**
   * DocPort's own interaction codes, for disclosures that no FHIR RESTful interaction names: {@code
   * subscription-notification}, a notification DocPort pushed to a subscriber's endpoint.
   */
  static final String DOCPORT_INTERACTIONS = "https://docport.org/fhir/CodeSystem/interaction";

  private AuditEvents() {}

  static AuditEvent of(Disclosures.Disclosure disclosure) {
    AuditEvent event = new AuditEvent();
    event.setId(disclosure.id() + "-" + disclosure.doctorId());
    event.setType(
        new Coding(
            "http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
    event.addSubtype(interaction(disclosure.interaction()));
    event.setAction(
        disclosure.interaction().startsWith("search") ? AuditEventAction.E : AuditEventAction.R);
    event.setRecorded(Date.from(disclosure.at()));
    event.setOutcome(AuditEventOutcome._0);
    event
        .addAgent()
        .setRequestor(true)
        .setName("insurer " + disclosure.insurerId())
        .setWho(
            new Reference()
                .setIdentifier(
                    new Identifier().setSystem(CLIENT_SYSTEM).setValue(disclosure.clientId()))
                .setDisplay(
                    "client " + disclosure.clientId() + " of insurer " + disclosure.insurerId()));
    event
        .getSource()
        .setSite("DocPort")
        .setObserver(new Reference().setDisplay("DocPort FHIR API"));
    event
        .addEntity()
        .setWhat(
            new Reference()
                .setIdentifier(
                    new Identifier()
                        .setSystem(BusinessIdentifiers.PRACTITIONER)
                        .setValue(disclosure.doctorId().toString())))
        .setDescription(disclosure.resources() + " of the doctor's resources")
        .setQuery(disclosure.request().getBytes(StandardCharsets.UTF_8));
    return event;
  }

  /**
   * The restful-interaction code: the disclosure's own, but a bulk export file ({@code export}, not
   * an interaction of that code system) is the operation {@code $export}, and a notification pushed
   * to a subscriber is no RESTful interaction at all: DocPort's own code.
   */
  private static Coding interaction(String interaction) {
    String system = "http://hl7.org/fhir/restful-interaction";
    if (interaction.equals(SubscriptionEvents.NOTIFICATION)) {
      return new Coding(DOCPORT_INTERACTIONS, interaction, null);
    }
    return "export".equals(interaction)
        ? new Coding(system, "operation", "$export")
        : new Coding(system, interaction, null);
  }
}
