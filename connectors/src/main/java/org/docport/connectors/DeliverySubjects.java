package org.docport.connectors;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.docport.mappings.codes.UnmappedCode;
import org.docport.mappings.snapshot.DoctorSnapshot;

/**
 * The registry as the connectors see it. Implemented by the hub and asked at delivery time, so a
 * consent revoked after a change was captured still stops that change from leaving.
 */
public interface DeliverySubjects {

  /**
   * The doctor's current snapshot for this insurer, with what changed in the doctor's calendar
   * since the version the insurer holds ({@code calendarHeld}; null when it holds none, which asks
   * for the whole calendar), or empty when the doctor has no active consent to the insurer (or no
   * longer exists).
   */
  Optional<DeliverySubject> find(String insurerId, UUID doctorId, Long calendarHeld);

  /**
   * The insurer's own profile, to publish its own resources, or empty when nothing of the insurer
   * may be published now: it sees no doctor (what it publishes of itself goes out only with a
   * doctor it may see), or it no longer exists.
   */
  Optional<InsurerSubject> insurer(String insurerId);

  /**
   * What to take back from an insurer when a consent ends: {@code published} (what the delivery
   * table says it holds of the doctor) and everything of the doctor's calendar it may hold.
   */
  Withdrawal withdrawal(String insurerId, UUID doctorId, Map<String, String> published);

  /**
   * The codes of the doctor that the insurer's code map covers and could not translate, found when
   * the doctor was last mapped for it (empty: all translated): for operators to fix the code map.
   * They were published as the registry holds them.
   */
  default void unmapped(String insurerId, UUID doctorId, List<UnmappedCode> codes) {}

  /**
   * Hands {@code each} the current snapshot of every doctor the insurer may see now (or, when
   * {@code among} is not null, of those of them the insurer may see), in doctor id order, as they
   * are read: one query under the same rule as {@link #find}, streamed, so a roster of 100,000
   * doctors never sits in memory and costs no query per doctor.
   *
   * @return false, having handed over nothing, when an operator has paused the insurer or it no
   *     longer exists
   */
  boolean forEachVisible(String insurerId, Collection<UUID> among, Consumer<DoctorSnapshot> each);
}
