package org.docport.connectors;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling shared by every connector route. Routes do not retry in memory: a failure goes
 * straight back to the dispatcher, which records it and schedules a durable retry or a dead letter,
 * so nothing depends on a thread that a crash would take down.
 */
public final class DeliveryRouteConfiguration extends RouteConfigurationBuilder {

  public static final String ID = "docport-delivery";

  @Override
  public void configuration() {
    routeConfiguration(ID).errorHandler(noErrorHandler());
  }
}
