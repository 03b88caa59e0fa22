package org.docport.connectors.sftp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.docport.connectors.DeliveryJob;
import org.docport.connectors.DeliveryResult;
import org.docport.connectors.DeliverySubjects;
import org.docport.connectors.RetryableDeliveryException;
import org.docport.connectors.RunReport;
import org.docport.connectors.RunRequest;
import org.docport.connectors.Withdrawal;
import org.docport.connectors.delivery.DeliveryStore;
import org.docport.mappings.document.RosterRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code sftp-roster} insurer's roster files. A run claims every due pair of the insurer, lists
 * the doctors it may see now (all of them for a full roster, the claimed ones for a delta) in one
 * streamed query that re-checks consent, maps each as its document with the insurer's code maps
 * ({@link RosterListing}), writes the CSV and its manifest to the insurer's server, and only then
 * records the receipts: every listed pair delivered at the version its rows carry, every claimed
 * doctor the insurer may no longer see withdrawn (a {@code WITHDRAWN} row) or skipped (if the
 * insurer never held it). Until then the claims are held (and renewed), so no other run sends those
 * pairs; if anything fails, every claim is given back due at once, so the next run sends the pairs
 * again and nothing is lost. Rows carry the doctor's version, so a re-sent row is harmless.
 */
public final class SftpRosterWriter {

  public static final String DELTA = "delta";
  public static final String FULL = "full";

  /** The key of what a pair's receipt says the insurer holds: {@code <version>@<file>}. */
  static final String PUBLISHED = "docport-roster";

  private static final Logger log = LoggerFactory.getLogger(SftpRosterWriter.class);

  private static final int CLAIM_BATCH = 10_000;
  private static final int MAX_CLAIM_ROUNDS = 1_000;
  private static final Duration LEASE = Duration.ofMinutes(2);

  /** What a claim must still have left when the upload starts. */
  private static final Duration UPLOAD_MARGIN = Duration.ofSeconds(30);

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private static final ScheduledExecutorService RENEWALS =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "roster-lease-renewal");
            t.setDaemon(true);
            return t;
          });

  private final String insurerId;
  private final RosterColumns columns;
  private final SftpRosterServer server;
  private final DeliveryStore store;
  private final DeliverySubjects subjects;
  private final Clock clock;

  /** One file at a time per insurer from this process, so files complete in number order. */
  private final ReentrantLock uploads = new ReentrantLock();

  SftpRosterWriter(
      String insurerId,
      RosterColumns columns,
      SftpRosterServer server,
      DeliveryStore store,
      DeliverySubjects subjects,
      Clock clock) {
    this.insurerId = insurerId;
    this.columns = columns;
    this.server = server;
    this.store = store;
    this.subjects = subjects;
    this.clock = clock;
  }

  /**
   * Builds and sends a {@code delta} or {@code full} roster.
   *
   * @throws RetryableDeliveryException when the file could not be completed on the server; every
   *     claimed pair is due again
   */
  public RunReport run(RunRequest request) {
    boolean full = isFull(request.run());
    List<DeliveryJob> claimed = claimDue();
    long every = LEASE.toMillis() / 4;
    ScheduledFuture<?> renewal =
        RENEWALS.scheduleWithFixedDelay(() -> renew(claimed), every, every, TimeUnit.MILLISECONDS);
    try (RosterFile file = RosterFile.create(columns)) {
      return build(request, full, claimed, file);
    } catch (RuntimeException e) {
      // Fenced: pairs already receipted (or taken over) are left as they are.
      store.retryAllLater(claimed, Duration.ZERO, e.getMessage());
      log.warn(
          "Roster {} run for {} failed; its pairs go in the next run", request.run(), insurerId);
      throw e instanceof RetryableDeliveryException r
          ? r
          : new RetryableDeliveryException(
              "the " + request.run() + " roster could not be sent: " + e.getMessage(), null, e);
    } finally {
      renewal.cancel(false);
    }
  }

  private RunReport build(
      RunRequest request, boolean full, List<DeliveryJob> claimed, RosterFile file) {
    Map<UUID, DeliveryJob> due =
        claimed.stream().collect(Collectors.toMap(DeliveryJob::doctorId, Function.identity()));
    RosterListing listing = new RosterListing(file, due.keySet());
    boolean open = subjects.forEachVisible(insurerId, full ? null : due.keySet(), listing);
    if (!open) {
      store.releaseAll(claimed);
      return RunReport.nothing(request, "the insurer is paused: no file was built");
    }
    listing.reportUnmapped(subjects, insurerId, full);
    Map<UUID, Long> listed = listing.listed();
    List<DeliveryJob> withdrawn = new ArrayList<>();
    List<DeliveryJob> skipped = new ArrayList<>();
    for (DeliveryJob job : claimed) {
      if (listed.containsKey(job.doctorId())) {
        continue;
      }
      if (job.published().isEmpty()) {
        skipped.add(job);
      } else {
        file.withdrawn(job.doctorId(), heldVersion(job.published()));
        withdrawn.add(job);
      }
    }
    if (!full && listed.isEmpty() && withdrawn.isEmpty()) {
      skipped.forEach(job -> store.skipped(job, "no active consent at delivery time"));
      return new RunReport(
          insurerId,
          request.run(),
          List.of(),
          0,
          0,
          skipped.size(),
          claimed.isEmpty() ? "no change due" : "no doctor due may be sent");
    }
    RosterFile.Built built = file.finish();
    keepClaims(claimed);
    String name = send(full ? FULL : DELTA, built);
    int receipted =
        store.deliveredAll(
            claimed.stream()
                .filter(job -> listed.containsKey(job.doctorId()))
                .map(
                    job -> {
                      long version = listed.get(job.doctorId());
                      return new DeliveryStore.Sent(job, version, published(version, name));
                    })
                .toList());
    withdrawn.forEach(job -> store.withdrawn(job, Map.of(), "roster file " + name));
    skipped.forEach(job -> store.skipped(job, "no active consent at delivery time"));
    log.info(
        "Sent roster {} to {}: {} rows, {} pairs receipted",
        name,
        insurerId,
        built.rows(),
        receipted);
    return new RunReport(
        insurerId,
        request.run(),
        List.of(name),
        built.rows(),
        receipted + withdrawn.size(),
        skipped.size(),
        "sent");
  }

  /**
   * Takes back everything the insurer holds of a doctor whose consent ended: a delta file of its
   * own with the doctor's {@code WITHDRAWN} row, sent at once. The file complete on the server is
   * the receipt the consent saga waits for.
   *
   * @return what stays published: nothing
   */
  public Map<String, String> withdrawAll(Withdrawal withdrawal) {
    try (RosterFile file = RosterFile.create(columns)) {
      file.withdrawn(withdrawal.doctorId(), heldVersion(withdrawal.published()));
      send(DELTA, file.finish());
    }
    return Map.of();
  }

  /** Writes the CSV, then its manifest, each complete under its name only once fully written. */
  private String send(String kind, RosterFile.Built built) {
    uploads.lock();
    try {
      long number = store.nextBatchNumber(insurerId);
      Instant now = clock.instant();
      String base =
          "docport-roster_%s_%s_%08d_%s".formatted(insurerId, kind, number, STAMP.format(now));
      server.upload(built.path(), base + ".csv");
      RosterManifest manifest =
          new RosterManifest(
              RosterRow.LAYOUT,
              columns.custom(),
              columns.headers(),
              kind,
              insurerId,
              number,
              now.toString(),
              base + ".csv",
              built.rows(),
              built.doctors(),
              built.withdrawn(),
              built.bytes(),
              built.sha256());
      server.upload(manifest.toJson(), base + ".manifest.json");
      return base + ".csv";
    } finally {
      uploads.unlock();
    }
  }

  /**
   * Claims every due pair. The insurer's own pair ({@link DeliveryJob#INSURERS_OWN}) is claimed
   * alone and receipted at once: a roster carries nothing of the insurer itself.
   */
  private List<DeliveryJob> claimDue() {
    List<DeliveryJob> claimed = new ArrayList<>();
    for (int round = 0; round < MAX_CLAIM_ROUNDS; round++) {
      List<DeliveryJob> batch = store.claim(insurerId, CLAIM_BATCH, LEASE);
      boolean own = false;
      for (DeliveryJob job : batch) {
        if (job.insurersOwn()) {
          own = true;
          store.delivered(job, new DeliveryResult.Delivered(job.wantedVersion(), Map.of()));
        } else {
          claimed.add(job);
        }
      }
      if (!own && batch.size() < CLAIM_BATCH) {
        break;
      }
    }
    return claimed;
  }

  private void renew(List<DeliveryJob> claimed) {
    try {
      store.renew(insurerId, claimed, LEASE);
    } catch (RuntimeException e) {
      log.warn("Could not renew the roster claims of {}", insurerId, e);
    }
  }

  /**
   * Renews every claim now and stops before the upload if one was lost: another worker may hold
   * that pair (a withdrawal), and a file must not overtake what it sends.
   */
  private void keepClaims(List<DeliveryJob> claimed) {
    store.renew(insurerId, claimed, LEASE);
    claimed.forEach(job -> job.lease().ensureLasts(UPLOAD_MARGIN));
  }

  private static boolean isFull(String run) {
    if (FULL.equals(run)) {
      return true;
    }
    if (DELTA.equals(run)) {
      return false;
    }
    throw new IllegalArgumentException("run: must be " + DELTA + " or " + FULL + ", was " + run);
  }

  static Map<String, String> published(long version, String file) {
    return Map.of(PUBLISHED, version + "@" + file);
  }

  /** The version of the doctor's rows the insurer holds, from a receipt; 0 when it says none. */
  static long heldVersion(Map<String, String> published) {
    String held = published.get(PUBLISHED);
    if (held == null || held.indexOf('@') <= 0) {
      return 0;
    }
    try {
      return Long.parseLong(held.substring(0, held.indexOf('@')));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
