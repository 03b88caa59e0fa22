package org.docport.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.docport.insurersim.InsurerServer;
import org.docport.testkit.TestDatabase;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Slot;

/**
 * The slots the hub offers, read straight from its {@code slot} table (what every insurer is to
 * hold), and the comparison of one simulator's slots with them.
 */
final class SlotTable {

  /** One slot as the hub stores it; {@code status} is FHIR's code ({@code free}, ...). */
  record Row(String id, UUID doctorId, Instant start, Instant end, String status) {

    LocalDate localDay() {
      return LocalDate.ofInstant(start, AvailabilityRules.ZONE);
    }

    LocalTime localTime() {
      return LocalTime.ofInstant(start, AvailabilityRules.ZONE);
    }
  }

  /**
   * How a simulator's live slots compare with the hub's.
   *
   * @param held live slots at the simulator
   * @param missing the hub's slots the simulator lacks
   * @param extra slots the simulator holds that the hub no longer offers
   * @param otherStatus slots held with another status than the hub's
   */
  record Census(long held, long missing, long extra, long otherStatus) {

    boolean exact() {
      return missing == 0 && extra == 0 && otherStatus == 0;
    }

    String describe() {
      return exact()
          ? "exactly the hub's " + held + " slots"
          : String.format(
              "%d slots: %d missing, %d extra, %d with another status",
              held, missing, extra, otherStatus);
    }
  }

  private SlotTable() {}

  /** Every slot of the doctors, by doctor, in start order. */
  static Map<UUID, List<Row>> byDoctor(TestDatabase db, Collection<UUID> doctors)
      throws SQLException {
    Map<UUID, List<Row>> all = new HashMap<>();
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select id, doctor_id, starts_at, ends_at, status from slot"
                    + " where doctor_id = any(?) order by starts_at")) {
      s.setArray(1, c.createArrayOf("uuid", doctors.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Row row =
              new Row(
                  rs.getString(1),
                  rs.getObject(2, UUID.class),
                  rs.getTimestamp(3).toInstant(),
                  rs.getTimestamp(4).toInstant(),
                  rs.getString(5).toLowerCase().replace('_', '-'));
          all.computeIfAbsent(row.doctorId(), d -> new ArrayList<>()).add(row);
        }
      }
    }
    return all;
  }

  /** The doctor's slots by local day, in day order. */
  static TreeMap<LocalDate, List<Row>> byDay(List<Row> slots) {
    TreeMap<LocalDate, List<Row>> days = new TreeMap<>();
    slots.forEach(s -> days.computeIfAbsent(s.localDay(), d -> new ArrayList<>()).add(s));
    return days;
  }

  /** The simulator's live slots against {@code expected} (slot id to status). */
  static Census census(InsurerServer sim, Map<String, String> expected) {
    long held = 0;
    long extra = 0;
    long otherStatus = 0;
    for (Slot slot : sim.all(Slot.class)) {
      held++;
      String id =
          slot.getIdentifier().stream()
              .filter(i -> SlotFeed.SLOT_SYSTEM.equals(i.getSystem()))
              .map(Identifier::getValue)
              .findFirst()
              .orElse("");
      String status = expected.get(id);
      if (status == null) {
        extra++;
      } else if (!status.equals(slot.getStatus().toCode())) {
        otherStatus++;
      }
    }
    return new Census(held, expected.size() - (held - extra), extra, otherStatus);
  }

  /** Slot id to status, over every doctor's slots. */
  static Map<String, String> statuses(Map<UUID, List<Row>> byDoctor) {
    Map<String, String> statuses = new HashMap<>();
    byDoctor.values().forEach(rows -> rows.forEach(r -> statuses.put(r.id(), r.status())));
    return statuses;
  }
}
