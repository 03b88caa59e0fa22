package org.docport.mappings;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The HAPI instance validator with Da Vinci PDex Plan-Net 1.2.0 loaded from the npm package under
 * {@code src/test/resources/fhir-packages}; nothing is fetched from anywhere else. Built once per
 * test JVM (loading the package and warming the validator take seconds) and shared. Published in
 * this module's test jar, so the hub's tests validate what its FHIR API serves the same way.
 *
 * <p>Choices that change what is reported, each checked against the fixtures:
 *
 * <ul>
 *   <li>A profile named in {@code meta.profile} that cannot be found is an ERROR, so a resource can
 *       no longer claim a profile nobody checks.
 *   <li>Only the Plan-Net package is loaded, not its dependencies (US Core 3.1.1, HL7 Terminology,
 *       extensions, HRex): the profiles carry full snapshots, and what the missing packages would
 *       add are terminology checks of extensible bindings (US states, v2-0360 degrees), reported as
 *       WARNINGs ({@code PlanNetValidationTest#missingDependencyPackagesCostOnlyWarnings}).
 *   <li>The NUCC provider taxonomy is not published as a FHIR CodeSystem anywhere (HL7 Terminology
 *       has only its NamingSystem), so every NUCC code in PractitionerRole.specialty, whose binding
 *       is required, would be an ERROR "CodeSystem is unknown and can't be validated". A fragment
 *       CodeSystem built from the codes Plan-Net's own IndividualAndGroupSpecialtiesVS enumerates
 *       lets the validator check membership instead: a listed code passes, any other is an ERROR.
 *   <li>InMemoryTerminologyServerValidationSupport comes before
 *       CommonCodeSystemsTerminologyService. The other way round (the order of HAPI's package
 *       example), CommonCodeSystems answers for ValueSet/languages and reports a valid BCP-47 tag
 *       outside its short list ({@code kn}, {@code ta}) as an ERROR, although
 *       Practitioner.communication's binding is only preferred.
 * </ul>
 */
public final class PlanNetValidator {

  static final String PACKAGE =
      "classpath:fhir-packages/hl7.fhir.us.davinci-pdex-plan-net-1.2.0.tgz";

  private PlanNetValidator() {}

  /** Built on first use. */
  private static final class Holder {
    static final NpmPackageValidationSupport PLAN_NET = loadPlanNet();
    static final FhirValidator VALIDATOR = build();
  }

  /** The conformance resources of the Plan-Net package alone (no core, no terminology). */
  static NpmPackageValidationSupport planNetPackage() {
    return Holder.PLAN_NET;
  }

  static List<SingleValidationMessage> messages(IBaseResource resource) {
    return Holder.VALIDATOR.validateWithResult(resource).getMessages();
  }

  public static List<SingleValidationMessage> errors(IBaseResource resource) {
    return messages(resource).stream().filter(PlanNetValidator::isError).toList();
  }

  static boolean isError(SingleValidationMessage message) {
    return message.getSeverity() == ResultSeverityEnum.ERROR
        || message.getSeverity() == ResultSeverityEnum.FATAL;
  }

  public static String describe(List<SingleValidationMessage> messages) {
    return messages.stream()
        .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage())
        .collect(Collectors.joining(System.lineSeparator()));
  }

  private static NpmPackageValidationSupport loadPlanNet() {
    var support = new NpmPackageValidationSupport(TestFhir.CONTEXT);
    try {
      support.loadPackageFromClasspath(PACKAGE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + PACKAGE, e);
    }
    return support;
  }

  private static FhirValidator build() {
    return validator(Holder.PLAN_NET, nuccFragment());
  }

  /**
   * HAPI's instance validator with base FHIR R4 and HL7 terminology, after the given supports
   * (packages, fragments), in the order the class comment explains; unknown profiles are errors.
   */
  static FhirValidator validator(IValidationSupport... first) {
    var context = TestFhir.CONTEXT;
    List<IValidationSupport> supports = new ArrayList<>(List.of(first));
    supports.add(new DefaultProfileValidationSupport(context));
    supports.add(new InMemoryTerminologyServerValidationSupport(context));
    supports.add(new CommonCodeSystemsTerminologyService(context));
    supports.add(new SnapshotGeneratingValidationSupport(context));
    var chain = new ValidationSupportChain(supports.toArray(new IValidationSupport[0]));
    var instanceValidator = new FhirInstanceValidator(chain);
    instanceValidator.setErrorForUnknownProfiles(true);
    return context.newValidator().registerValidatorModule(instanceValidator);
  }

  static PrePopulatedValidationSupport nuccFragment() {
    ValueSet specialties =
        Holder.PLAN_NET.fetchResource(ValueSet.class, PlanNetProfiles.SPECIALTY_VALUE_SET);
    var nucc =
        new CodeSystem()
            .setUrl(PlanNetProfiles.NUCC_PROVIDER_TAXONOMY)
            .setName("NuccProviderTaxonomyAsListedByPlanNet")
            .setStatus(PublicationStatus.ACTIVE)
            .setContent(CodeSystemContentMode.FRAGMENT);
    for (var include : specialties.getCompose().getInclude()) {
      if (PlanNetProfiles.NUCC_PROVIDER_TAXONOMY.equals(include.getSystem())) {
        include
            .getConcept()
            .forEach(c -> nucc.addConcept().setCode(c.getCode()).setDisplay(c.getDisplay()));
      }
    }
    var support = new PrePopulatedValidationSupport(TestFhir.CONTEXT);
    support.addCodeSystem(nucc);
    return support;
  }
}
