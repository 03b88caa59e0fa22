package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * HAPI's instance validator with base R4 alone, for what the Subscriptions Backport shapes. The
 * Backport's own profiles cannot be loaded (its package is on neither the npm registry nor Maven
 * Central) and HAPI reports a claimed profile it cannot find as an error, so the claims are taken
 * off a copy before validating; the tests check the IG's rules themselves.
 */
final class BaseR4Validator {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final FhirValidator VALIDATOR = build();

  private BaseR4Validator() {}

  /** The errors and fatal messages of base R4 for the resource (and a bundle's first entry). */
  static List<SingleValidationMessage> errors(Resource resource) {
    Resource unprofiled = resource.copy();
    unprofiled.getMeta().getProfile().clear();
    if (unprofiled instanceof Bundle bundle && bundle.hasEntry()) {
      bundle.getEntryFirstRep().getResource().getMeta().getProfile().clear();
    }
    return VALIDATOR.validateWithResult(unprofiled).getMessages().stream()
        .filter(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL)
        .toList();
  }

  static String describe(List<SingleValidationMessage> messages) {
    return messages.stream()
        .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage())
        .collect(Collectors.joining(System.lineSeparator()));
  }

  private static FhirValidator build() {
    FhirInstanceValidator instance =
        new FhirInstanceValidator(
            new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR)));
    instance.setErrorForUnknownProfiles(false);
    return FHIR.newValidator().registerValidatorModule(instance);
  }
}
