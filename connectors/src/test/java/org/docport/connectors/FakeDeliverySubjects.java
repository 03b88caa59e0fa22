package org.docport.connectors;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.docport.mappings.codes.UnmappedCode;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;

/** The registry as an in-memory map: a doctor is deliverable to an insurer once consented. */
final class FakeDeliverySubjects implements DeliverySubjects {

  private record Pair(String insurerId, UUID doctorId) {}

  /** What a batch run reported of the codes the insurer's code map could not translate. */
  record UnmappedReport(
      String insurerId, Collection<UUID> listed, Map<UUID, List<UnmappedCode>> found) {}

  private final Map<Pair, DeliverySubject> consented = new ConcurrentHashMap<>();
  private final Map<String, MappingChoice> mappings = new ConcurrentHashMap<>();
  final List<UnmappedReport> unmappedReports = new CopyOnWriteArrayList<>();

  /** Reads of one doctor ({@link #find}) and of a claim's doctors ({@link #findAll}). */
  final AtomicInteger finds = new AtomicInteger();

  final AtomicInteger findAlls = new AtomicInteger();

  /** While set, a read of several doctors fails as a lost database connection would. */
  volatile boolean readsOfSeveralFail;

  /** The doctor consents to the insurer, or changes, at this snapshot. */
  void consent(InsurerContext insurer, DoctorSnapshot doctor) {
    consented.put(
        new Pair(insurer.id(), doctor.id()),
        new DeliverySubject(doctor, insurer, false, null, mappings.get(insurer.id())));
  }

  /** The insurer's doctors are mapped this way from now on (its profile and code map). */
  void mapping(String insurerId, MappingChoice mapping) {
    mappings.put(insurerId, mapping);
    consented.replaceAll(
        (pair, s) ->
            pair.insurerId().equals(insurerId)
                ? new DeliverySubject(s.doctor(), s.insurer(), s.insurerPaused(), null, mapping)
                : s);
  }

  /** An operator pauses the insurer: its consented doctors stay, but must not be sent. */
  void pause(InsurerContext insurer) {
    consented.replaceAll(
        (pair, s) ->
            pair.insurerId().equals(insurer.id())
                ? new DeliverySubject(s.doctor(), s.insurer(), true, null, s.mapping())
                : s);
  }

  void clear() {
    consented.clear();
    mappings.clear();
    unmappedReports.clear();
    finds.set(0);
    findAlls.set(0);
    readsOfSeveralFail = false;
  }

  /** The doctor's consent to the insurer ends. */
  void revoke(InsurerContext insurer, UUID doctorId) {
    consented.remove(new Pair(insurer.id(), doctorId));
  }

  @Override
  public Optional<DeliverySubject> find(String insurerId, UUID doctorId, Long calendarHeld) {
    finds.incrementAndGet();
    return Optional.ofNullable(consented.get(new Pair(insurerId, doctorId)));
  }

  @Override
  public Map<UUID, DeliverySubject> findAll(String insurerId, List<DeliveryJob> jobs) {
    findAlls.incrementAndGet();
    if (readsOfSeveralFail) {
      throw new IllegalStateException("connection lost");
    }
    Map<UUID, DeliverySubject> found = new HashMap<>();
    for (DeliveryJob job : jobs) {
      DeliverySubject subject = consented.get(new Pair(insurerId, job.doctorId()));
      if (subject != null) {
        found.put(job.doctorId(), subject);
      }
    }
    return found;
  }

  @Override
  public Optional<InsurerSubject> insurer(String insurerId) {
    return consented.entrySet().stream()
        .filter(e -> e.getKey().insurerId().equals(insurerId))
        .map(e -> new InsurerSubject(e.getValue().insurer(), 1, e.getValue().insurerPaused()))
        .findFirst();
  }

  @Override
  public Withdrawal withdrawal(String insurerId, UUID doctorId, Map<String, String> published) {
    return new Withdrawal(insurerId, doctorId, published);
  }

  @Override
  public void unmappedListed(
      String insurerId, Collection<UUID> listed, Map<UUID, List<UnmappedCode>> found) {
    unmappedReports.add(
        new UnmappedReport(insurerId, listed == null ? null : List.copyOf(listed), found));
  }

  @Override
  public boolean forEachVisible(
      String insurerId, Collection<UUID> among, Consumer<DeliverySubject> each) {
    var visible =
        consented.entrySet().stream()
            .filter(e -> e.getKey().insurerId().equals(insurerId))
            .filter(e -> among == null || among.contains(e.getKey().doctorId()))
            .map(Map.Entry::getValue)
            .sorted(Comparator.comparing(s -> s.doctor().id().toString()))
            .toList();
    if (visible.stream().anyMatch(DeliverySubject::insurerPaused)) {
      return false;
    }
    visible.forEach(each);
    return true;
  }
}
