package org.docport.hub.insurer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import org.docport.connectors.ConnectorSettings;
import org.docport.mappings.snapshot.Address;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.workflows.insurer.InsurerOnboardingStep;

/**
 * An insurer as an operator registers it: its organisation, its provider networks and how DocPort
 * reaches it.
 *
 * @param id DocPort's id for the insurer, a lower-case slug such as {@code acme-health}
 * @param identifier the insurer's own organisation identifier (system and value)
 * @param address the insurer's postal address; optional, and its Plan-Net Organization is published
 *     to the FHIR API only once it is given (the profile requires an address)
 * @param networks each with an optional {@code productType}, a Plan-Net InsuranceProductTypeCS code
 *     ({@code commppo} when absent)
 * @param contactEmail where the insurer's API credentials are sent (required when an insurer
 *     registers itself)
 * @param status where the insurer's onboarding stands (set by DocPort)
 * @param statusReason why a connection test failed or the registration was rejected
 */
public record InsurerRegistration(
    String id,
    String name,
    IdentifierRef identifier,
    Address address,
    List<InsurerContext.Network> networks,
    ConnectorSettings connector,
    Boolean paused,
    Enrolment enrolment,
    String contactEmail,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) InsurerOnboardingStep status,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) String statusReason) {

  /** A system|value pair. */
  public record IdentifierRef(String system, String value) {}

  /**
   * How the insurer decides on doctors who opt in.
   *
   * @param autoAccept accept every doctor at once (default false: the insurer decides each)
   * @param decisionTimeout how long a decision may take before the request fails (ISO 8601, e.g.
   *     {@code P14D}, the default)
   */
  public record Enrolment(Boolean autoAccept, Duration decisionTimeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofDays(14);

    public boolean autoAcceptOrDefault() {
      return Boolean.TRUE.equals(autoAccept);
    }

    public Duration decisionTimeoutOrDefault() {
      return decisionTimeout == null ? DEFAULT_TIMEOUT : decisionTimeout;
    }
  }

  public InsurerRegistration withConnector(ConnectorSettings settings) {
    return new InsurerRegistration(
        id,
        name,
        identifier,
        address,
        networks,
        settings,
        paused,
        enrolment,
        contactEmail,
        status,
        statusReason);
  }

  @JsonIgnore
  public boolean isLive() {
    return status == null || status == InsurerOnboardingStep.LIVE;
  }

  public Enrolment enrolmentOrDefault() {
    return enrolment == null ? new Enrolment(false, Enrolment.DEFAULT_TIMEOUT) : enrolment;
  }
}
