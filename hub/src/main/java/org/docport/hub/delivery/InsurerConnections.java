package org.docport.hub.delivery;

import org.docport.connectors.InsurerConnectors;
import org.docport.connectors.delivery.DeliveryDispatcher;
import org.docport.hub.insurer.InsurerEvent;
import org.docport.hub.insurer.InsurerRegistration;
import org.docport.hub.insurer.Insurers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one connector route and one delivery lane per registered insurer, from start-up on and as
 * operators add and remove insurers, without a restart.
 */
@Component
public class InsurerConnections {

  private static final Logger log = LoggerFactory.getLogger(InsurerConnections.class);

  private final Insurers insurers;
  private final InsurerConnectors connectors;
  private final DeliveryDispatcher dispatcher;

  InsurerConnections(
      Insurers insurers, InsurerConnectors connectors, DeliveryDispatcher dispatcher) {
    this.insurers = insurers;
    this.connectors = connectors;
    this.dispatcher = dispatcher;
  }

  /** Connects every live insurer (one still onboarding is connected when it goes live). */
  @EventListener(ApplicationReadyEvent.class)
  void openAll() {
    insurers.all().stream().filter(InsurerRegistration::isLive).forEach(this::open);
  }

  @EventListener
  void on(InsurerEvent event) {
    if (event instanceof InsurerEvent.Registered registered) {
      open(registered.insurer());
    } else if (event instanceof InsurerEvent.Removed) {
      close(event.insurerId());
    } else if (event instanceof InsurerEvent.Resumed) {
      wake(java.util.List.of(event.insurerId()));
    }
  }

  /** Creates the insurer's route and starts its lane. */
  public void open(InsurerRegistration insurer) {
    connectors.connect(insurer.id(), insurer.connector());
    dispatcher.start(insurer.id());
    log.info(
        "Connected insurer {} ({}) at {}",
        insurer.id(),
        insurer.connector().kind(),
        insurer.connector().baseUrl());
  }

  /** Stops the insurer's lane and removes its route. */
  public void close(String insurerId) {
    dispatcher.stop(insurerId);
    connectors.disconnect(insurerId);
  }

  /** Tells lanes that deliveries may be due. */
  public void wake(Iterable<String> insurerIds) {
    insurerIds.forEach(dispatcher::wake);
  }
}
