package org.docport.hub.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.docport.connectors.RetryableDeliveryException;
import org.docport.connectors.RunReport;
import org.docport.connectors.delivery.DeliveryStore;
import org.docport.connectors.delivery.RunLedger;
import org.docport.hub.insurer.InsurerRegistration;
import org.docport.hub.insurer.Insurers;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's view of delivery: status per insurer, receipts, dead letters and replay. */
@RestController
@RequestMapping("/api/operator")
@Tag(name = "Operator: delivery")
class DeliveryController {

  private final DeliveryReports reports;
  private final DeliveryStore deliveries;
  private final Insurers insurers;
  private final InsurerConnections connections;
  private final UnmappedCodes unmappedCodes;

  DeliveryController(
      DeliveryReports reports,
      DeliveryStore deliveries,
      Insurers insurers,
      InsurerConnections connections,
      UnmappedCodes unmappedCodes) {
    this.unmappedCodes = unmappedCodes;
    this.reports = reports;
    this.deliveries = deliveries;
    this.insurers = insurers;
    this.connections = connections;
  }

  @Operation(summary = "Delivery status of every insurer (change capture: /actuator/health)")
  @GetMapping("/delivery")
  List<DeliveryReports.InsurerStatus> overview() {
    return reports.statuses();
  }

  @Operation(summary = "Backlog, retries, dead letters, last success and lag of one insurer")
  @GetMapping("/insurers/{insurerId}/status")
  DeliveryReports.InsurerStatus status(@PathVariable String insurerId) {
    InsurerRegistration insurer = insurers.get(insurerId);
    return reports.status(insurerId, insurer.connector().kind(), insurer.paused());
  }

  @Operation(summary = "Delivery receipts: the version of each doctor the insurer holds")
  @GetMapping("/insurers/{insurerId}/receipts")
  List<DeliveryReports.Receipt> receipts(
      @PathVariable String insurerId, @RequestParam(defaultValue = "100") int limit) {
    insurers.get(insurerId);
    return reports.receipts(insurerId, limit(limit, 10_000));
  }

  @Operation(summary = "The receipt of one doctor at one insurer")
  @GetMapping("/insurers/{insurerId}/receipts/{doctorId}")
  DeliveryReports.Receipt receipt(@PathVariable String insurerId, @PathVariable UUID doctorId) {
    return reports
        .receipt(insurerId, doctorId)
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.NOT_FOUND,
                    "No receipt",
                    "Nothing has been due for doctor " + doctorId + " at " + insurerId + "."));
  }

  @Operation(
      summary = "The codes an insurer's code maps cover and do not translate",
      description =
          "Per doctor, as last mapped for the insurer; each was published as the registry holds"
              + " it. Add them to the insurer's code map (PUT .../code-maps/{mapId}).")
  @GetMapping("/insurers/{insurerId}/unmapped-codes")
  List<UnmappedCodes.UnmappedCodeReport> unmappedCodes(@PathVariable String insurerId) {
    insurers.get(insurerId);
    return unmappedCodes.of(insurerId);
  }

  @Operation(summary = "Dead letters of an insurer (open ones unless all=true)")
  @GetMapping("/insurers/{insurerId}/dead-letters")
  List<DeliveryReports.DeadLetter> deadLetters(
      @PathVariable String insurerId, @RequestParam(defaultValue = "false") boolean all) {
    insurers.get(insurerId);
    return reports.deadLetters(insurerId, all);
  }

  @Operation(summary = "Replay a dead letter: deliver the doctor's current snapshot again")
  @PostMapping("/dead-letters/{id}/replay")
  void replay(@PathVariable long id) {
    String insurerId =
        deliveries
            .replay(id)
            .orElseThrow(
                () ->
                    new ApiException(
                        HttpStatus.CONFLICT,
                        "Nothing to replay",
                        "Dead letter " + id + " does not exist or was replayed already."));
    connections.wake(List.of(insurerId));
  }

  @Operation(
      summary = "The insurer's latest scheduled runs (sftp-roster), newest first",
      description =
          "Each run as its schedule came due: how many times it was taken, until when it is held"
              + " (by the replica running it, or until its retry after a failure), when it completed"
              + " and its last error. A run that failed or whose replica died is taken up again"
              + " until it completes or the same run comes due again. Runs on demand are not"
              + " listed.")
  @GetMapping("/insurers/{insurerId}/runs")
  List<RunLedger.RunEntry> runs(
      @PathVariable String insurerId, @RequestParam(defaultValue = "20") int limit) {
    insurers.get(insurerId);
    return deliveries.runs().latest(insurerId, limit(limit, 1_000));
  }

  private static int limit(int limit, int max) {
    if (limit < 1 || limit > max) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid limit", "limit: 1 to " + max);
    }
    return limit;
  }

  @Operation(
      summary = "Run a batch now: build and send the delta (or full) roster of a roster insurer",
      description =
          "For insurers whose connector sends changes in batches (sftp-roster): 'delta' sends every"
              + " change due, 'full' every doctor the insurer may see. Runs after any run in"
              + " progress and answers what was sent; a paused insurer gets nothing.")
  @PostMapping("/insurers/{insurerId}/runs/{run}")
  RunReport runNow(@PathVariable String insurerId, @PathVariable String run) {
    insurers.get(insurerId);
    try {
      return connections.runNow(insurerId, run);
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "No such run", e.getMessage());
    } catch (IllegalStateException e) {
      throw new ApiException(HttpStatus.CONFLICT, "Nothing to run", e.getMessage());
    } catch (RetryableDeliveryException e) {
      throw new ApiException(
          HttpStatus.BAD_GATEWAY,
          "The run failed",
          e.getMessage() + ". Its changes stay due and go in the next run.");
    }
  }
}
