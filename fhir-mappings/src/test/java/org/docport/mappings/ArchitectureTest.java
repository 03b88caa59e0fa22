package org.docport.mappings;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** fhir-mappings is pure: every module may call it, so it must not drag a runtime along. */
@AnalyzeClasses(
    packages = "org.docport.mappings",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noSpringCamelOrTemporal =
      noClasses()
          .that()
          .resideInAPackage("org.docport.mappings..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "org.apache.camel..", "io.temporal..");

  @ArchTest
  static final ArchRule onlyJavaAndHapiStructures =
      classes()
          .that()
          .resideInAPackage("org.docport.mappings..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "org.docport.mappings..", "org.hl7.fhir..", "ca.uhn.fhir..");
}
