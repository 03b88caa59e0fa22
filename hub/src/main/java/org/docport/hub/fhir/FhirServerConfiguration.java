package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.docport.hub.smart.PublicUrls;
import org.docport.mappings.PlanNetProfiles;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The insurer-facing FHIR R4 API: HAPI's plain RestfulServer at {@code /fhir/*}. */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

  /**
   * The directory's resource types, with the Plan-Net profiles each is served as (an Organization
   * is a network or the insurer itself; affiliated practices claim none, see the mappings).
   *
   * <p>Endpoint is a doctor's technical endpoint (a FHIR server, a Direct address), which every
   * PractitionerRole of the doctor refers to; {@code /fhir} itself is the insurer's way in, not a
   * way to reach a doctor, and is not one.
   */
  private static final Map<Class<? extends Resource>, List<String>> TYPES =
      Map.of(
          Practitioner.class, List.of(PlanNetProfiles.PRACTITIONER),
          PractitionerRole.class, List.of(PlanNetProfiles.PRACTITIONER_ROLE),
          Location.class, List.of(PlanNetProfiles.LOCATION),
          Organization.class, List.of(PlanNetProfiles.NETWORK, PlanNetProfiles.ORGANIZATION),
          InsurancePlan.class, List.of(PlanNetProfiles.INSURANCE_PLAN),
          OrganizationAffiliation.class, List.of(PlanNetProfiles.ORGANIZATION_AFFILIATION),
          HealthcareService.class, List.of(PlanNetProfiles.HEALTHCARE_SERVICE),
          Endpoint.class, List.of(PlanNetProfiles.ENDPOINT));

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(
      FhirContext fhir,
      DirectoryService service,
      BulkExportService exports,
      SubscriptionService subscriptions,
      CalendarService calendars,
      BookingService bookings,
      PagedSearches pagedSearches,
      SchedulingLinks links,
      PublicUrls urls) {
    RestfulServer server = new RestfulServer(fhir);
    // Links in answers (paging, export files, subscriptions) name the hub as insurers reach it:
    // DOCPORT_PUBLIC_URL, else the request's host through any proxies, as the token endpoint does.
    server.setServerAddressStrategy((context, request) -> urls.fhirBase(request));
    server.setServerName("DocPort");
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    List<IResourceProvider> providers = new ArrayList<>();
    TYPES.keySet().stream()
        .map(type -> new DirectoryProvider(type, fhir.getResourceType(type), service))
        .forEach(providers::add);
    providers.add(new CalendarProviders.Slots(calendars));
    providers.add(new CalendarProviders.Schedules(calendars));
    providers.add(new CalendarProviders.Appointments(bookings));
    server.setResourceProviders(providers);
    List<String> served = TYPES.keySet().stream().map(fhir::getResourceType).sorted().toList();
    server.setPlainProviders(
        List.of(new DirectorySystemProvider(service), new BulkExportProvider(exports, served)));
    server.registerProviders(
        TYPES.keySet().stream()
            .map(t -> new BulkExportTypeProvider(t, fhir.getResourceType(t), exports, served))
            .map(Object.class::cast)
            .toList());
    server.registerProvider(new SubscriptionProvider(subscriptions));
    server.registerProvider(new SchedulingLinksProvider(links));
    server.registerProvider(new SubscriptionTopicProvider(subscriptions));
    server.setPagingProvider(new Paging(service, calendars, pagedSearches));
    server.registerInterceptor(new HistoryLinks());
    server.registerInterceptor(new StoredJsonWriter(fhir));
    Map<String, List<String>> profiles = new HashMap<>();
    TYPES.forEach((type, profile) -> profiles.put(fhir.getResourceType(type), profile));
    server.setServerConformanceProvider(new DirectoryCapabilities(server, profiles));
    ServletRegistrationBean<RestfulServer> registration =
        new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /**
   * Next pages come back to the service that ran the search (slots to the calendar, the rest to the
   * directory), which re-runs the stored search from the cursor.
   */
  private record Paging(
      DirectoryService service, CalendarService calendars, PagedSearches pagedSearches)
      implements IPagingProvider {

    @Override
    public int getDefaultPageSize() {
      return DirectorySearch.DEFAULT_COUNT;
    }

    @Override
    public int getMaximumPageSize() {
      return DirectorySearch.MAX_COUNT;
    }

    /** Searches are stored when they are run (see {@link DirectoryService#search}). */
    @Override
    public String storeResultList(RequestDetails request, IBundleProvider results) {
      return results.getUuid();
    }

    @Override
    public IBundleProvider retrieveResultList(RequestDetails request, String searchId) {
      throw PagedSearches.gone(searchId);
    }

    @Override
    public IBundleProvider retrieveResultList(
        RequestDetails request, String searchId, String pageId) {
      Optional<PagedSearches.StoredSearch> slots =
          PagedSearches.parse(searchId)
              .flatMap(pagedSearches::find)
              .filter(s -> s.type().equals(CalendarService.SLOT));
      if (slots.isPresent()) {
        return calendars.slotPage(request, slots.get(), pageId);
      }
      return service.page(request, searchId, pageId);
    }
  }
}
