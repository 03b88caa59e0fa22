package org.docport.connectors;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.docport.mappings.codes.UnmappedCode;

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
   * {@link #find} for the doctors of several jobs of one insurer (none the insurer's own pair), in
   * as few queries as the registry allows: doctor id to subject, for the doctors the insurer may
   * see now; the others are absent.
   */
  Map<UUID, DeliverySubject> findAll(String insurerId, List<DeliveryJob> jobs);

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
   * What a batch run found when it mapped the doctors it listed, like {@link #unmapped} for each:
   * {@code found} (the doctors with codes left untranslated; any other listed doctor had none)
   * replaces what is known of {@code listed}, or of every doctor of the insurer when {@code listed}
   * is null (a full roster lists every doctor the insurer may see).
   */
  default void unmappedListed(
      String insurerId, Collection<UUID> listed, Map<UUID, List<UnmappedCode>> found) {}

  /**
   * Hands {@code each} every doctor the insurer may see now (or, when {@code among} is not null,
   * those of them the insurer may see), in doctor id order, as they are read: one query under the
   * same rule as {@link #find}, streamed, so a roster of 100,000 doctors never sits in memory and
   * costs no query per doctor. Each subject carries the doctor's current snapshot and the insurer
   * with its mapping (profile and code map) as of its version read with its pause flag, the same
   * for every doctor of the call; no calendar (batch kinds send none).
   *
   * <p>{@code each} runs inside the listing's read-only transaction: it must not write to the
   * registry (report unmapped codes with {@link #unmappedListed} once the call has returned).
   *
   * @return false, having handed over nothing, when an operator has paused the insurer or it no
   *     longer exists
   */
  boolean forEachVisible(String insurerId, Collection<UUID> among, Consumer<DeliverySubject> each);
}
