package org.docport.connectors;

import org.apache.camel.builder.Builder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * Error handling shared by every connector route. Routes do not retry in memory: a failure goes
 * straight back to the dispatcher, which records it and schedules a durable retry or a dead letter,
 * so nothing depends on a thread that a crash would take down.
 */
public final class DeliveryRouteConfiguration extends RouteConfigurationBuilder {

  public static final String ID = "docport-delivery";

  /**
   * The route every connector kind's template makes: a {@link Withdrawal} goes to its writer's
   * {@code withdrawAll}; a claimed job is prepared (mapped) and, unless preparing skipped it, goes
   * to the writer's {@code write}. The template names its writer bean {@code writer}.
   */
  public static void deliverThroughWriter(
      RouteTemplateDefinition template, DeliveryPreparation preparation) {
    template
        .from("direct:deliver-{{insurerId}}")
        .routeConfigurationId(ID)
        .choice()
        .when(Builder.body().isInstanceOf(Withdrawal.class))
        .to("bean:{{writer}}?method=withdrawAll")
        .otherwise()
        .bean(preparation, "prepare")
        .filter(Builder.body().isInstanceOf(PreparedDelivery.class))
        .to("bean:{{writer}}?method=write")
        .end()
        .end();
  }

  @Override
  public void configuration() {
    routeConfiguration(ID).errorHandler(noErrorHandler());
  }
}
