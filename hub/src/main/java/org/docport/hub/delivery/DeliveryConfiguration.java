package org.docport.hub.delivery;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.docport.connectors.ConnectorKinds;
import org.docport.connectors.ConnectorServices;
import org.docport.connectors.DeliveryPreparation;
import org.docport.connectors.DeliveryRouteConfiguration;
import org.docport.connectors.DeliverySubjects;
import org.docport.connectors.InsurerConnectors;
import org.docport.connectors.delivery.Backoff;
import org.docport.connectors.delivery.DeliveryDispatcher;
import org.docport.connectors.delivery.DeliveryStore;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.platform.LaneConnections;
import org.docport.hub.registry.Doctors;
import org.hl7.fhir.r4.model.Practitioner;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the connectors module into the hub: routes, the delivery store and the dispatcher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliverySettings.class)
class DeliveryConfiguration {

  static final String LANES = "lanes";

  /** One FhirContext for the process, warmed here so the first delivery does not pay ~1 s. */
  @Bean
  FhirContext fhirContext(DeliverySettings settings) {
    FhirContext fhir = FhirContext.forR4();
    // DocPort's references are always "Type/id", never an unsaved resource to contain: without
    // this, every encode walks each resource looking for one (a tenth of a search's CPU).
    fhir.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
    var clients = fhir.getRestfulClientFactory();
    clients.setServerValidationMode(ServerValidationModeEnum.NEVER);
    clients.setConnectTimeout((int) settings.httpConnectTimeout().toMillis());
    clients.setSocketTimeout((int) settings.httpSocketTimeout().toMillis());
    clients.setPoolMaxPerRoute(Math.max(settings.workersPerInsurer(), 2));
    clients.setPoolMaxTotal(Math.max(settings.workersPerInsurer(), 2) * 50);
    fhir.newJsonParser().encodeResourceToString(new Practitioner().setActive(true));
    return fhir;
  }

  @Bean
  DeliveryPreparation deliveryPreparation(DeliverySubjects subjects) {
    return new DeliveryPreparation(subjects);
  }

  @Bean
  ConnectorServices connectorServices(
      FhirContext fhir,
      DeliveryPreparation preparation,
      DeliverySubjects subjects,
      @Qualifier(LANES) DeliveryStore store) {
    return new ConnectorServices(fhir, preparation, subjects, store);
  }

  /** The route template of every connector kind. */
  @Bean
  RouteBuilder connectorTemplates(ConnectorServices services) {
    return ConnectorKinds.templates(services);
  }

  @Bean
  DeliveryRouteConfiguration deliveryRouteConfiguration() {
    return new DeliveryRouteConfiguration();
  }

  @Bean
  InsurerConnectors insurerConnectors(CamelContext camel, ConnectorServices services) {
    return new InsurerConnectors(camel, services);
  }

  /** The store of the hub's own transactions: planning deliveries, the API, consents. */
  @Bean
  @Primary
  DeliveryStore deliveryStore(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json) {
    return new DeliveryStore(jdbc, tx, json);
  }

  /**
   * The store the lanes claim, renew and receipt through, and the batch kinds' runs: the same
   * table, on the lanes' own connections ({@link LaneConnections}). None of its calls runs inside a
   * transaction of the hub's.
   */
  @Bean
  @Qualifier(LANES)
  DeliveryStore laneDeliveryStore(LaneConnections lanes, ObjectMapper json) {
    return new DeliveryStore(lanes.jdbc(), lanes.tx(), json);
  }

  /**
   * The visibility rule as the lanes ask it at delivery time (the read-ahead of every claim, the
   * roster listings): on the lanes' connections, so those reads are planned once too.
   */
  @Bean
  @Qualifier(LANES)
  InsurerVisibility laneVisibility(LaneConnections lanes, Doctors doctors) {
    return new InsurerVisibility(lanes.jdbc(), lanes.tx(), doctors);
  }

  @Bean(destroyMethod = "close")
  DeliveryDispatcher deliveryDispatcher(
      @Qualifier(LANES) DeliveryStore store,
      InsurerConnectors connectors,
      DeliverySettings settings) {
    return new DeliveryDispatcher(
        store,
        connectors,
        Backoff.standard(),
        new DeliveryDispatcher.Settings(
            settings.workersPerInsurer(),
            settings.pollInterval(),
            settings.lease(),
            settings.probeInterval()));
  }
}
