package org.docport.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.OfferedService;
import org.docport.mappings.snapshot.OfferedSlot;
import org.junit.jupiter.api.Test;

class CalendarChangesTest {

  @Test
  void aSlotRemovedAndOfferedAgainIsWrittenNotAlsoRemoved() {
    OfferedService consult =
        new OfferedService(
            UUID.randomUUID(),
            "loc-1",
            "consult",
            "Consultation",
            new Coding(null, "124", null),
            false,
            List.of());
    Instant nine = Instant.parse("2026-12-10T03:30:00Z");
    OfferedSlot again =
        new OfferedSlot(
            "s-1", consult, nine, nine.plusSeconds(1200), OfferedSlot.Status.FREE, null);

    CalendarChanges changes =
        new CalendarChanges(4, List.of(consult), List.of(again), List.of("s-1", "s-0"), List.of());

    assertThat(changes.slots()).containsExactly(again);
    assertThat(changes.removedSlotIds()).containsExactly("s-0");
  }
}
