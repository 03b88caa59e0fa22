package org.docport.connectors;

import java.util.function.BiFunction;
import org.apache.camel.builder.Builder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling shared by every connector route. Routes do not retry in memory: a failure goes
 * straight back to the dispatcher, which records it and schedules a durable retry or a dead letter,
 * so nothing depends on a thread that a crash would take down.
 */
public final class DeliveryRouteConfiguration extends RouteConfigurationBuilder {

  public static final String ID = "docport-delivery";

  /**
   * Defines the route template of a kind that delivers through a writer, the shape every kind
   * shares so far: a {@link Withdrawal} goes to the writer's {@code withdrawAll}; a claimed job is
   * prepared (consent re-checked, mapped) and, unless preparing skipped it, goes to the writer's
   * {@code write}. The template takes the parameters {@link ConnectorKind#defineTemplate} names;
   * {@code writer} makes the insurer's writer from its id and settings, once per route.
   */
  public static <W> void defineWriterTemplate(
      RouteBuilder routes,
      String kind,
      Class<W> writerType,
      BiFunction<String, ConnectorSettings, W> writer,
      DeliveryPreparation preparation) {
    routes
        .routeTemplate(kind)
        .templateParameter("insurerId")
        .templateParameter("settings")
        .templateBean(
            "writer",
            writerType,
            rtc ->
                writer.apply(
                    rtc.getProperty("insurerId", String.class),
                    rtc.getProperty("settings", ConnectorSettings.class)))
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
