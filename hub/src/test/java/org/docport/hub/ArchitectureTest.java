package org.docport.hub;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.docport.hub.SqlInClasses.named;
import static org.docport.hub.SqlInClasses.notRead;
import static org.docport.hub.SqlInClasses.notWrite;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.docport.connectors.delivery.DeliveryStore;
import org.docport.connectors.delivery.RunLedger;
import org.docport.hub.consent.ConsentManagement;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.fhir.DirectoryProjection;

/**
 * The module rules of ARCHITECTURE.md, executable: {@code hub -> connectors, workflows ->
 * fhir-mappings}, nothing depends on the hub, the hub's features do not form cycles, and each table
 * has one writer (read from the SQL in the classes' bytecode, see {@link SqlInClasses}). That
 * fhir-mappings is free of Spring, Camel and Temporal is that module's own ArchitectureTest.
 */
@AnalyzeClasses(packages = "org.docport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final DescribedPredicate<JavaClass> PRODUCTION =
      resideInAnyPackage(
          "org.docport.hub..",
          "org.docport.connectors..",
          "org.docport.workflows..",
          "org.docport.mappings..");

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

  // One writer per table: a second class writing these tables fails the build.

  @ArchTest
  static final ArchRule onlyTheDeliveryStoreWritesDeliveries =
      classes()
          .that(PRODUCTION.and(not(named(DeliveryStore.class))))
          .should(
              notWrite("delivery").and(notWrite("dead_letter")).and(notWrite("delivery_batch")));

  @ArchTest
  static final ArchRule onlyTheRunLedgerWritesScheduledRuns =
      classes().that(PRODUCTION.and(not(named(RunLedger.class)))).should(notWrite("delivery_run"));

  @ArchTest
  static final ArchRule onlyTheProjectionWritesTheDirectory =
      classes()
          .that(PRODUCTION.and(not(named(DirectoryProjection.class))))
          .should(
              notWrite("directory_resource")
                  .and(notWrite("directory_history"))
                  .and(notWrite("directory_search"))
                  .and(notWrite("directory_pending"))
                  .and(notWrite("directory_insurer_pending"))
                  .and(notWrite("directory_owner")));

  @ArchTest
  static final ArchRule onlyDisclosuresRecordsDisclosures =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.fhir.Disclosures"))))
          .should(notWrite("disclosure").and(notWrite("disclosure_doctor")));

  @ArchTest
  static final ArchRule onlySubscriptionStoreWritesSubscriptions =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.fhir.SubscriptionStore"))))
          .should(notWrite("subscription").and(notWrite("subscription_event")));

  @ArchTest
  static final ArchRule onlyPagedSearchesWritesStoredSearches =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.fhir.PagedSearches"))))
          .should(notWrite("fhir_paged_search"));

  @ArchTest
  static final ArchRule onlyInsurersWritesInsurers =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.insurer.Insurers"))))
          .should(notWrite("insurer").and(notWrite("insurer_network")));

  @ArchTest
  static final ArchRule onlyInsurerCodeMapsWritesCodeMaps =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.insurer.InsurerCodeMaps"))))
          .should(notWrite("insurer_code_map"));

  @ArchTest
  static final ArchRule onlyUnmappedCodesWritesUnmappedCodes =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.delivery.UnmappedCodes"))))
          .should(notWrite("unmapped_code"));

  @ArchTest
  static final ArchRule onlyRegistryEventsWritesTheOutbox =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.registry.RegistryEvents"))))
          .should(notWrite("registry_event"));

  @ArchTest
  static final ArchRule onlyBulkExportsWritesExportJobs =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.fhir.BulkExports"))))
          .should(notWrite("bulk_export").and(notWrite("bulk_export_file")));

  @ArchTest
  static final ArchRule onlySmartClientsWritesClientsAndTheirRevokedKeys =
      classes()
          .that(PRODUCTION.and(not(smartClass("SmartClients"))))
          .should(notWrite("smart_client").and(notWrite("smart_client_key_revocation")));

  @ArchTest
  static final ArchRule onlySeenAssertionsWritesAssertionIds =
      classes()
          .that(PRODUCTION.and(not(smartClass("SeenAssertions"))))
          .should(notWrite("smart_assertion_jti"));

  @ArchTest
  static final ArchRule onlyHubSigningKeysWritesSigningKeys =
      classes()
          .that(PRODUCTION.and(not(smartClass("HubSigningKeys"))))
          .should(notWrite("smart_signing_key"));

  @ArchTest
  static final ArchRule onlyPartnerKeysWritesPartnerKeys =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.partner.PartnerKeys"))))
          .should(notWrite("partner_key"));

  @ArchTest
  static final ArchRule onlyPartnerRequestsWritesPartnerRequests =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.partner.PartnerRequests"))))
          .should(notWrite("partner_request"));

  @ArchTest
  static final ArchRule onlyAvailabilitiesWritesAvailabilities =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.scheduling.Availabilities"))))
          .should(notWrite("availability"));

  @ArchTest
  static final ArchRule onlyAppointmentsWritesAppointments =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.scheduling.Appointments"))))
          .should(notWrite("appointment"));

  @ArchTest
  static final ArchRule onlySlotsWritesSlots =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.scheduling.Slots"))))
          .should(notWrite("slot"));

  @ArchTest
  static final ArchRule onlyCalendarVersionsWritesCalendarVersions =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.scheduling.CalendarVersions"))))
          .should(notWrite("doctor_calendar"));

  @ArchTest
  static final ArchRule onlyCalendarFeedsWritesFeedSecrets =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.scheduling.CalendarFeeds"))))
          .should(notWrite("calendar_feed"));

  @ArchTest
  static final ArchRule onlyExternalCalendarsWritesExternalCalendars =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.scheduling.ExternalCalendars"))))
          .should(notWrite("external_calendar"));

  @ArchTest
  static final ArchRule onlyAppointmentRemindersWritesReminders =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.scheduling.AppointmentReminders"))))
          .should(notWrite("appointment_reminder"))
          .andShould(notWrite("reminder_preference"));

  @ArchTest
  static final ArchRule onlySlotsWritesRemovedSlots =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.scheduling.Slots"))))
          .should(notWrite("slot_removed"));

  @ArchTest
  static final ArchRule onlyTheCalendarQueueWritesTheCalendarQueue =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.scheduling.CalendarQueue"))))
          .should(notWrite("calendar_pending"));

  @ArchTest
  static final ArchRule onlyPublicHolidaysWritesHolidays =
      classes()
          .that(PRODUCTION.and(not(named("org.docport.hub.scheduling.PublicHolidays"))))
          .should(notWrite("public_holiday"));

  @ArchTest
  static final ArchRule onlyConsentManagementWritesConsents =
      classes()
          .that(PRODUCTION.and(not(named(ConsentManagement.class))))
          .should(notWrite("consent"));

  /**
   * Which insurer may see which doctor is decided in one place ({@link InsurerVisibility}); outside
   * the consent feature, nothing reads the consent table to decide it again.
   */
  @ArchTest
  static final ArchRule onlyTheConsentFeatureReadsConsents =
      classes()
          .that(PRODUCTION.and(not(resideInAPackage("org.docport.hub.consent.."))))
          .should(notRead("consent"));

  /** A package-private class of the SMART feature (and its nested classes), by simple name. */
  private static DescribedPredicate<HasName> smartClass(String simpleName) {
    return nameMatching("org\\.docport\\.hub\\.smart\\." + simpleName + "(\\$.*)?");
  }
}
