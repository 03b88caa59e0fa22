package org.docport.hub.insurer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.docport.connectors.ConnectorSettings;
import org.docport.hub.registry.PostalAddresses;
import org.docport.hub.web.ApiException;
import org.docport.mappings.PlanNetProductTypes;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.workflows.insurer.InsurerOnboardingStep;
import org.springframework.http.HttpStatus;

/**
 * The rules an insurer's registration, profile and connector settings must meet before they enter
 * the registry, each problem named by its field so an operator (or an insurer applying) can fix all
 * of them at once. Product types are checked against Plan-Net here, so the insurer's FHIR
 * InsurancePlans stay valid.
 */
final class InsurerValidation {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

  private InsurerValidation() {}

  /**
   * Refuses an invalid registration; an insurer that applies (any step before {@link
   * InsurerOnboardingStep#LIVE}) must also say where its API credentials go.
   */
  static void checkRegistration(InsurerRegistration r, InsurerOnboardingStep status) {
    throwIfAny("Invalid insurer", registrationProblems(r));
    if (status != InsurerOnboardingStep.LIVE
        && (r.contactEmail() == null || !EMAIL.matcher(r.contactEmail()).matches())) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid insurer",
          "contactEmail: required, where DocPort sends the insurer's API credentials",
          List.of(field("contactEmail", "an e-mail address")));
    }
  }

  static List<ApiException.FieldError> registrationProblems(InsurerRegistration r) {
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
        errors.addAll(networkProblems(i, r.networks().get(i)));
      }
    }
    errors.addAll(connectorProblems(r.connector()));
    Duration timeout = r.enrolmentOrDefault().decisionTimeoutOrDefault();
    if (timeout.compareTo(Duration.ofMinutes(1)) < 0
        || timeout.compareTo(Duration.ofDays(365)) > 0) {
      errors.add(
          field("enrolment.decisionTimeout", "between PT1M and P365D (ISO 8601), e.g. P14D"));
    }
    return errors;
  }

  private static List<ApiException.FieldError> networkProblems(int i, InsurerContext.Network n) {
    List<ApiException.FieldError> errors = new ArrayList<>();
    if (n == null || n.id() == null || !SLUG.matcher(n.id()).matches()) {
      errors.add(field("networks[" + i + "].id", "a lower-case slug such as gold-ppo"));
    }
    if (n == null || n.name() == null || n.name().isBlank()) {
      errors.add(field("networks[" + i + "].name", "required"));
    }
    if (n != null && n.productType() != null && !PlanNetProductTypes.contains(n.productType())) {
      errors.add(productTypeError(i, n.productType()));
    }
    return errors;
  }

  /** Refuses a profile edit that changes nothing, or names networks the insurer does not have. */
  static void checkProfile(InsurerProfile profile, InsurerRegistration current) {
    if (profile == null || (profile.address() == null && profile.networks() == null)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid insurer profile",
          "Nothing to change: give address, networks or both.",
          List.of(
              field("address", "the insurer's postal address"),
              field("networks", "product types by network id")));
    }
    List<ApiException.FieldError> errors = new ArrayList<>();
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
    throwIfAny("Invalid insurer profile", errors);
  }

  /** The connector's problems, each named {@code connector.<field>}. */
  static List<ApiException.FieldError> connectorProblems(ConnectorSettings connector) {
    if (connector == null) {
      return List.of(field("connector", "required: kind, baseUrl and auth"));
    }
    return connector.problems().stream()
        .map(problem -> problem.split(": ", 2))
        .map(parts -> field("connector." + parts[0], parts[1]))
        .toList();
  }

  /** One 400 with every problem, titled {@code title}; nothing when there are none. */
  static void throwIfAny(String title, List<ApiException.FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, title, "See errors.", errors);
    }
  }

  static ApiException.FieldError field(String field, String message) {
    return new ApiException.FieldError(field, message);
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
}
