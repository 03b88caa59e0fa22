package org.docport.connectors.sftp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.docport.connectors.DeliverySubject;
import org.docport.connectors.DeliverySubjects;
import org.docport.mappings.MappedDoctor;
import org.docport.mappings.MappingProfiles;
import org.docport.mappings.codes.UnmappedCode;

/**
 * The doctors one roster run lists, as they stream from the registry: each mapped for the insurer
 * the way its per-change deliveries would be, written to the file, and what the run must remember
 * of it kept: the version listed of each doctor that was due, and the codes the insurer's code map
 * could not translate, reported once the listing is over ({@link #reportUnmapped}).
 *
 * <p>A roster is the {@code docport-json} document flattened ({@link
 * org.docport.mappings.document.RosterRow}), so every doctor is mapped as that document, with the
 * insurer's code maps (an {@code sftp-roster} insurer may name no other profile).
 */
final class RosterListing implements Consumer<DeliverySubject> {

  private final RosterFile file;
  private final Set<UUID> due;
  private final Map<UUID, Long> listed = new HashMap<>();
  private final Map<UUID, List<UnmappedCode>> unmapped = new HashMap<>();
  private boolean translated;

  /**
   * @param due the doctors whose pairs the run claimed: only their listed versions are kept
   */
  RosterListing(RosterFile file, Set<UUID> due) {
    this.file = file;
    this.due = due;
  }

  @Override
  public void accept(DeliverySubject subject) {
    MappedDoctor.Json mapped =
        MappingProfiles.json(subject.doctor(), subject.insurer(), subject.mapping().codeMap());
    file.doctor(mapped.message());
    UUID id = subject.doctor().id();
    if (due.contains(id)) {
      listed.put(id, subject.doctor().version());
    }
    if (subject.mapping().translates()) {
      translated = true;
      if (!mapped.unmapped().isEmpty()) {
        unmapped.put(id, mapped.unmapped());
      }
    }
  }

  /** The version listed of each due doctor, by doctor. */
  Map<UUID, Long> listed() {
    return listed;
  }

  /**
   * Tells the registry what the insurer's code map left untranslated, as the per-change deliveries
   * do: of every doctor of the insurer after a full roster, of the listed ones after a delta. An
   * insurer without a code map has nothing to report.
   */
  void reportUnmapped(DeliverySubjects subjects, String insurerId, boolean full) {
    if (translated) {
      subjects.unmappedListed(insurerId, full ? null : listed.keySet(), unmapped);
    }
  }
}
