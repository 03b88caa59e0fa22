package org.docport.hub.fhir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;

/**
 * The search parameters the FHIR API supports, per resource type: the SHALL parameters of Da Vinci
 * PDex Plan-Net 1.2.0 (and, for InsurancePlan, its product {@code type}) with the expressions and
 * chains its SearchParameter resources define, plus {@code identifier} and {@code active} where
 * base FHIR has them, and base FHIR's Endpoint parameters (an insurer looks for a doctor's FHIR
 * server by {@code connection-type}). The expressions are the IG's FHIRPath; plain paths are walked
 * with HAPI's terser and the few that filter are selected by code ({@link Parameter#select}), which
 * keeps the FHIRPath engine and its second-long model load out of the hub's start-up. One table
 * drives both indexing ({@link SearchIndex}) and the CapabilityStatement, so the server never
 * declares a parameter it cannot answer or answers one it does not declare. {@code _id} and {@code
 * _lastUpdated} are columns of every resource and need no entry.
 */
final class SearchParameters {

  /** How a parameter's values are stored and matched. */
  enum Type {
    /** Normalized text, matched from the start in any case and without accents. */
    STRING,
    /** {@code system|code} and {@code code}, matched exactly. */
    TOKEN,
    /** {@code Type/id} of the referenced resource. */
    REFERENCE
  }

  /**
   * @param expression the FHIRPath that selects the values
   * @param target for a reference, the type it points at (chains resolve against it)
   * @param chains for a reference, the target's parameters that may follow it ({@code
   *     location.address-city})
   */
  record Parameter(
      String resource,
      String code,
      Type type,
      String expression,
      String target,
      List<String> chains,
      String description,
      Function<Resource, List<? extends IBase>> select) {

    /** A parameter whose values the plain path selects. */
    Parameter(
        String resource,
        String code,
        Type type,
        String expression,
        String target,
        List<String> chains,
        String description) {
      this(resource, code, type, expression, target, chains, description, null);
    }

    /** The same, with the values selected by code where the expression is more than a path. */
    Parameter selectedBy(Function<Resource, List<? extends IBase>> selector) {
      return new Parameter(resource, code, type, expression, target, chains, description, selector);
    }
  }

  private static final String PLAN_NET_EXTENSION =
      "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/";

  /** Licence (LN) and medical registration (MD) numbers, as the mappings type them. */
  private static final String LICENCES =
      "Practitioner.identifier.where(type.coding.code = 'LN' or type.coding.code = 'MD')";

  private static final List<String> LOCATION_CHAINS =
      List.of("address", "address-postalcode", "address-city", "address-state", "organization");
  private static final List<String> ORGANIZATION_CHAINS =
      List.of("name", "address", "partof", "type");
  private static final List<String> NETWORK_CHAINS = List.of("name", "partof");
  private static final List<String> ENDPOINT_CHAINS = List.of("organization");
  private static final List<String> SERVICE_CHAINS =
      List.of("service-category", "organization", "location");

  static final List<Parameter> ALL =
      List.of(
          // Practitioner
          string("Practitioner", "name", "Practitioner.name", "any part of a name"),
          string("Practitioner", "family", "Practitioner.name.family", "family name"),
          string("Practitioner", "given", "Practitioner.name.given", "given name"),
          token("Practitioner", "identifier", "Practitioner.identifier", "an identifier"),
          token("Practitioner", "licence", LICENCES, "a licence or registration number")
              .selectedBy(r -> licences(r)),
          string(
                  "Practitioner",
                  "licence-issuer",
                  LICENCES + ".assigner.display",
                  "who issued a licence or registration")
              .selectedBy(
                  r -> licences(r).stream().map(i -> i.getAssigner().getDisplayElement()).toList()),
          token("Practitioner", "active", "Practitioner.active", "whether the record is active"),
          // PractitionerRole
          reference(
              "PractitionerRole",
              "practitioner",
              "PractitionerRole.practitioner",
              "Practitioner",
              List.of("name", "family", "given", "identifier"),
              "the practitioner"),
          reference(
              "PractitionerRole",
              "organization",
              "PractitionerRole.organization",
              "Organization",
              ORGANIZATION_CHAINS,
              "the organisation where the role is held"),
          reference(
              "PractitionerRole",
              "location",
              "PractitionerRole.location",
              "Location",
              LOCATION_CHAINS,
              "where the role is practised"),
          reference(
              "PractitionerRole",
              "service",
              "PractitionerRole.healthcareService",
              "HealthcareService",
              SERVICE_CHAINS,
              "the services offered"),
          reference(
                  "PractitionerRole",
                  "network",
                  "PractitionerRole.extension.where(url='"
                      + PLAN_NET_EXTENSION
                      + "network-reference').value",
                  "Organization",
                  ORGANIZATION_CHAINS,
                  "the insurer network the role is part of")
              .selectedBy(
                  r ->
                      ((DomainResource) r)
                          .getExtensionsByUrl(PLAN_NET_EXTENSION + "network-reference").stream()
                              .map(Extension::getValue)
                              .toList()),
          reference(
              "PractitionerRole",
              "endpoint",
              "PractitionerRole.endpoint",
              "Endpoint",
              ENDPOINT_CHAINS,
              "the practitioner's technical endpoints"),
          token("PractitionerRole", "role", "PractitionerRole.code", "the role's code"),
          token("PractitionerRole", "specialty", "PractitionerRole.specialty", "a specialty"),
          token("PractitionerRole", "identifier", "PractitionerRole.identifier", "an identifier"),
          token("PractitionerRole", "active", "PractitionerRole.active", "whether it is active"),
          // Location
          string("Location", "address", "Location.address", "any part of the address"),
          string("Location", "address-city", "Location.address.city", "city"),
          string("Location", "address-state", "Location.address.state", "state or region"),
          string("Location", "address-postalcode", "Location.address.postalCode", "postal code"),
          reference(
              "Location",
              "organization",
              "Location.managingOrganization",
              "Organization",
              ORGANIZATION_CHAINS,
              "the managing organisation"),
          reference(
              "Location",
              "partof",
              "Location.partOf",
              "Location",
              List.of("address", "address-city"),
              "the larger location"),
          reference(
              "Location",
              "endpoint",
              "Location.endpoint",
              "Endpoint",
              ENDPOINT_CHAINS,
              "technical endpoints"),
          token("Location", "type", "Location.type", "the kind of location"),
          token("Location", "identifier", "Location.identifier", "an identifier"),
          // Organization (practices, affiliations and insurer networks)
          string("Organization", "name", "Organization.name | Organization.alias", "name"),
          string("Organization", "address", "Organization.address", "any part of the address"),
          reference(
              "Organization",
              "partof",
              "Organization.partOf",
              "Organization",
              List.of("name"),
              "the parent organisation"),
          token("Organization", "type", "Organization.type", "the kind of organisation"),
          reference(
              "Organization",
              "endpoint",
              "Organization.endpoint",
              "Endpoint",
              ENDPOINT_CHAINS,
              "technical endpoints"),
          token("Organization", "identifier", "Organization.identifier", "an identifier"),
          token("Organization", "active", "Organization.active", "whether it is active"),
          // InsurancePlan (each insurer network as a product)
          reference(
              "InsurancePlan",
              "administered-by",
              "InsurancePlan.administeredBy",
              "Organization",
              NETWORK_CHAINS,
              "the organisation that administers the plan"),
          reference(
              "InsurancePlan",
              "owned-by",
              "InsurancePlan.ownedBy",
              "Organization",
              NETWORK_CHAINS,
              "the organisation that owns the plan"),
          string("InsurancePlan", "name", "InsurancePlan.name | InsurancePlan.alias", "name"),
          token("InsurancePlan", "type", "InsurancePlan.type", "the product type"),
          token("InsurancePlan", "plan-type", "InsurancePlan.plan.type", "a plan's type"),
          token("InsurancePlan", "identifier", "InsurancePlan.identifier", "an identifier"),
          reference(
              "InsurancePlan",
              "network",
              "InsurancePlan.network",
              "Organization",
              NETWORK_CHAINS,
              "a network of the plan"),
          // OrganizationAffiliation (an affiliated organisation in an insurer network)
          reference(
              "OrganizationAffiliation",
              "primary-organization",
              "OrganizationAffiliation.organization",
              "Organization",
              ORGANIZATION_CHAINS,
              "the organisation the participant is affiliated with"),
          reference(
              "OrganizationAffiliation",
              "participating-organization",
              "OrganizationAffiliation.participatingOrganization",
              "Organization",
              ORGANIZATION_CHAINS,
              "the participating organisation"),
          reference(
              "OrganizationAffiliation",
              "network",
              "OrganizationAffiliation.network",
              "Organization",
              NETWORK_CHAINS,
              "the network the participant is in"),
          reference(
              "OrganizationAffiliation",
              "location",
              "OrganizationAffiliation.location",
              "Location",
              LOCATION_CHAINS,
              "where the participant provides services"),
          reference(
              "OrganizationAffiliation",
              "service",
              "OrganizationAffiliation.healthcareService",
              "HealthcareService",
              SERVICE_CHAINS,
              "the services provided"),
          reference(
              "OrganizationAffiliation",
              "endpoint",
              "OrganizationAffiliation.endpoint",
              "Endpoint",
              ENDPOINT_CHAINS,
              "technical endpoints"),
          token(
              "OrganizationAffiliation",
              "specialty",
              "OrganizationAffiliation.specialty",
              "a specialty"),
          token("OrganizationAffiliation", "role", "OrganizationAffiliation.code", "the role"),
          token(
              "OrganizationAffiliation",
              "identifier",
              "OrganizationAffiliation.identifier",
              "an identifier"),
          token(
              "OrganizationAffiliation",
              "active",
              "OrganizationAffiliation.active",
              "whether it is active"),
          // HealthcareService (a doctor's practice at one location)
          reference(
              "HealthcareService",
              "organization",
              "HealthcareService.providedBy",
              "Organization",
              ORGANIZATION_CHAINS,
              "the organisation providing the service"),
          reference(
              "HealthcareService",
              "location",
              "HealthcareService.location",
              "Location",
              LOCATION_CHAINS,
              "where the service is provided"),
          reference(
              "HealthcareService",
              "endpoint",
              "HealthcareService.endpoint",
              "Endpoint",
              ENDPOINT_CHAINS,
              "technical endpoints"),
          string("HealthcareService", "name", "HealthcareService.name", "name"),
          token(
              "HealthcareService",
              "service-category",
              "HealthcareService.category",
              "the service category"),
          token("HealthcareService", "service-type", "HealthcareService.type", "the service type"),
          token("HealthcareService", "specialty", "HealthcareService.specialty", "a specialty"),
          token("HealthcareService", "identifier", "HealthcareService.identifier", "an identifier"),
          token("HealthcareService", "active", "HealthcareService.active", "whether it is active"),
          // Endpoint (a doctor's technical endpoint)
          reference(
              "Endpoint",
              "organization",
              "Endpoint.managingOrganization",
              "Organization",
              ORGANIZATION_CHAINS,
              "the organisation that manages the endpoint"),
          token(
              "Endpoint",
              "connection-type",
              "Endpoint.connectionType",
              "the protocol (hl7-fhir-rest, direct-project, ...)"),
          token("Endpoint", "payload-type", "Endpoint.payloadType", "the payload type"),
          string("Endpoint", "name", "Endpoint.name", "name"),
          token("Endpoint", "status", "Endpoint.status", "the status"),
          token("Endpoint", "identifier", "Endpoint.identifier", "an identifier"));

  private static final Map<String, List<Parameter>> BY_RESOURCE =
      ALL.stream().collect(Collectors.groupingBy(Parameter::resource));

  private SearchParameters() {}

  static List<Parameter> of(String resource) {
    return BY_RESOURCE.getOrDefault(resource, List.of());
  }

  static Optional<Parameter> find(String resource, String code) {
    return of(resource).stream().filter(p -> p.code().equals(code)).findFirst();
  }

  /** Licence (LN) and medical registration (MD) numbers among a Practitioner's identifiers. */
  private static List<Identifier> licences(Resource resource) {
    return ((Practitioner) resource)
        .getIdentifier().stream()
            .filter(
                i ->
                    i.getType().getCoding().stream()
                        .anyMatch(c -> "LN".equals(c.getCode()) || "MD".equals(c.getCode())))
            .toList();
  }

  private static Parameter string(String resource, String code, String path, String what) {
    return new Parameter(resource, code, Type.STRING, path, null, List.of(), what);
  }

  private static Parameter token(String resource, String code, String path, String what) {
    return new Parameter(resource, code, Type.TOKEN, path, null, List.of(), what);
  }

  private static Parameter reference(
      String resource, String code, String path, String target, List<String> chains, String what) {
    return new Parameter(resource, code, Type.REFERENCE, path, target, chains, what);
  }
}
