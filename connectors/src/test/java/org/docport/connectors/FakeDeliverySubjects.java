package org.docport.connectors;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;

/** The registry as an in-memory map: a doctor is deliverable to an insurer once consented. */
final class FakeDeliverySubjects implements DeliverySubjects {

  private record Pair(String insurerId, UUID doctorId) {}

  private final Map<Pair, DeliverySubject> consented = new ConcurrentHashMap<>();

  /** The doctor consents to the insurer, or changes, at this snapshot. */
  void consent(InsurerContext insurer, DoctorSnapshot doctor) {
    consented.put(new Pair(insurer.id(), doctor.id()), new DeliverySubject(doctor, insurer));
  }

  /** An operator pauses the insurer: its consented doctors stay, but must not be sent. */
  void pause(InsurerContext insurer) {
    consented.replaceAll(
        (pair, s) ->
            pair.insurerId().equals(insurer.id())
                ? new DeliverySubject(s.doctor(), s.insurer(), true)
                : s);
  }

  void clear() {
    consented.clear();
  }

  /** The doctor's consent to the insurer ends. */
  void revoke(InsurerContext insurer, UUID doctorId) {
    consented.remove(new Pair(insurer.id(), doctorId));
  }

  @Override
  public Optional<DeliverySubject> find(String insurerId, UUID doctorId, Long calendarHeld) {
    return Optional.ofNullable(consented.get(new Pair(insurerId, doctorId)));
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
