package org.docport.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of ARCHITECTURE.md, executable: {@code hub -> connectors, workflows ->
 * fhir-mappings}, nothing depends on the hub, and the hub's features do not form cycles. That
 * fhir-mappings is free of Spring, Camel and Temporal is that module's own ArchitectureTest.
 */
@AnalyzeClasses(packages = "org.docport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule nothingDependsOnTheHub =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.docport.hub..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.docport.hub..");

  @ArchTest
  static final ArchRule mappingsDependOnNoOtherModule =
      noClasses()
          .that()
          .resideInAPackage("org.docport.mappings..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.docport.connectors..", "org.docport.workflows..", "org.docport.hub..");

  @ArchTest
  static final ArchRule connectorsAndWorkflowsAreIndependent =
      noClasses()
          .that()
          .resideInAPackage("org.docport.connectors..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.docport.workflows..");

  @ArchTest
  static final ArchRule workflowsDoNotSeeConnectors =
      noClasses()
          .that()
          .resideInAPackage("org.docport.workflows..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.docport.connectors..");

  @ArchTest
  static final ArchRule hubFeaturesHaveNoCycles =
      slices().matching("org.docport.hub.(*)..").should().beFreeOfCycles();
}
