package org.docport.hub.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.docport.connectors.ConnectorKind;
import org.docport.connectors.ConnectorKinds;
import org.docport.connectors.ConnectorSettings;
import org.docport.connectors.InsurerConnectors;
import org.docport.connectors.RunReport;
import org.docport.connectors.delivery.DeliveryDispatcher;
import org.docport.connectors.delivery.DeliveryStore;
import org.docport.hub.insurer.InsurerEvent;
import org.docport.hub.insurer.InsurerRegistration;
import org.docport.hub.insurer.Insurers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps one connector route and one delivery lane (or, for a kind that sends in batches, one
 * schedule of runs) per live insurer, from start-up on and as operators add, change and remove
 * insurers, without a restart. Changes made through this hub apply at once; those made through
 * another replica, on the next refresh ({@code docport.delivery.insurer-refresh}).
 */
@Component
public class InsurerConnections {

  private static final Logger log = LoggerFactory.getLogger(InsurerConnections.class);

  private final Insurers insurers;
  private final InsurerConnectors connectors;
  private final DeliveryDispatcher dispatcher;
  private final DeliveryStore store;
  private final UnmappedCodes unmappedCodes;

  /** The settings each open connection was made with. */
  private final Map<String, ConnectorSettings> open = new HashMap<>();

  InsurerConnections(
      Insurers insurers,
      InsurerConnectors connectors,
      DeliveryDispatcher dispatcher,
      DeliveryStore store,
      UnmappedCodes unmappedCodes) {
    this.insurers = insurers;
    this.connectors = connectors;
    this.dispatcher = dispatcher;
    this.store = store;
    this.unmappedCodes = unmappedCodes;
  }

  @EventListener(ApplicationReadyEvent.class)
  void openAll() {
    refresh();
  }

  /**
   * Brings the connections in line with the registry: connects live insurers not yet connected,
   * reconnects those whose settings changed, and disconnects those gone or no longer live.
   */
  @Scheduled(
      fixedDelayString = "${docport.delivery.insurer-refresh:PT10S}",
      initialDelayString = "${docport.delivery.insurer-refresh:PT10S}")
  public synchronized void refresh() {
    Map<String, InsurerRegistration> live = new HashMap<>();
    insurers.all().stream().filter(InsurerRegistration::isLive).forEach(i -> live.put(i.id(), i));
    for (String id : List.copyOf(open.keySet())) {
      if (!live.containsKey(id)) {
        close(id);
      }
    }
    for (InsurerRegistration insurer : live.values()) {
      if (!insurer.connector().equals(open.get(insurer.id()))) {
        try {
          open(insurer);
        } catch (RuntimeException e) {
          log.error("Could not connect insurer {}; the next refresh tries again", insurer.id(), e);
        }
      }
    }
  }

  @EventListener
  void on(InsurerEvent event) {
    if (event instanceof InsurerEvent.Registered registered) {
      open(registered.insurer());
    } else if (event instanceof InsurerEvent.Reconfigured reconfigured) {
      if (reconfigured.insurer().isLive()) {
        open(reconfigured.insurer());
      }
    } else if (event instanceof InsurerEvent.Removed) {
      close(event.insurerId());
    } else if (event instanceof InsurerEvent.Resumed) {
      wake(List.of(event.insurerId()));
    }
  }

  /**
   * The insurer's doctors are mapped differently (another profile, another code map): once that has
   * committed, everything the insurer holds is delivered again, mapped the new way, and its
   * unmapped codes are found again. An attempt already in flight finishes as it was mapped, and its
   * pair is then delivered again, mapped the new way.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void on(InsurerEvent.MappingChanged event) {
    unmappedCodes.forget(event.insurerId());
    int again = store.redeliverAll(event.insurerId());
    log.info("Mapping of insurer {} changed: delivering {} pairs again", event.insurerId(), again);
    wake(List.of(event.insurerId()));
  }

  /**
   * Creates (or re-creates, with new settings) the insurer's route and starts its lane, or its
   * schedule of runs when its kind sends in batches.
   */
  public synchronized void open(InsurerRegistration insurer) {
    boolean reconnect = open.containsKey(insurer.id());
    connectors.connect(insurer.id(), insurer.connector());
    open.put(insurer.id(), insurer.connector());
    ConnectorKind kind = ConnectorKinds.of(insurer.connector());
    if (kind.deliversPerPair()) {
      dispatcher.start(insurer.id());
    } else {
      dispatcher.startScheduled(insurer.id(), kind.scheduledRuns(insurer.connector()));
    }
    log.info(
        "{} insurer {} ({}) at {}",
        reconnect ? "Reconnected" : "Connected",
        insurer.id(),
        insurer.connector().kind(),
        insurer.connector().baseUrl());
  }

  /** Stops the insurer's lane and removes its route. */
  public synchronized void close(String insurerId) {
    dispatcher.stop(insurerId);
    connectors.disconnect(insurerId);
    if (open.remove(insurerId) != null) {
      log.info("Disconnected insurer {}", insurerId);
    }
  }

  /**
   * Runs one batch of an insurer whose kind sends in batches ({@code delta} or {@code full} for a
   * roster) now, on this hub, after any run in progress.
   *
   * @throws IllegalStateException when the insurer is not connected here or delivers per pair
   */
  public RunReport runNow(String insurerId, String run) {
    return dispatcher.runNow(insurerId, run);
  }

  /** Tells lanes that deliveries may be due. */
  public void wake(Iterable<String> insurerIds) {
    insurerIds.forEach(dispatcher::wake);
  }
}
