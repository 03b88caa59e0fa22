package org.docport.hub.fhir;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.docport.mappings.snapshot.OfferedSlot;
import org.springframework.stereotype.Component;

/**
 * Free slots as an insurer sees them, for insurers without FHIR (the partner API): the query,
 * visibility rule and slot status of a FHIR Slot search ({@link CalendarQueries}), paged the same
 * way, and each answer recorded as the same disclosure ({@code search-type}) of the doctor, so the
 * doctor's record shows both APIs alike.
 */
@Component
public class InsurerSlots {

  /** The most slots one page holds. */
  public static final int MAX_COUNT = SlotSearch.MAX_COUNT;

  /**
   * A page of free slots, in start order.
   *
   * @param nextCursor where the next page starts (pass it back as is), or null on the last
   */
  public record Page(List<OfferedSlot> slots, String nextCursor) {}

  private final CalendarQueries queries;
  private final Disclosures disclosures;
  private final Clock clock = Clock.systemUTC();

  InsurerSlots(CalendarQueries queries, Disclosures disclosures) {
    this.queries = queries;
    this.disclosures = disclosures;
  }

  /**
   * The doctor's free slots offered to the insurer that start in {@code [from, to)}: none when the
   * insurer may not see the doctor.
   *
   * @param clientId who asked, for the disclosure record
   * @param cursor a {@link Page#nextCursor}, or null for the first page
   * @param request what was asked, for the disclosure record
   * @throws IllegalArgumentException when the cursor is not one a page answered
   */
  public Page free(
      String insurerId,
      String clientId,
      UUID doctorId,
      Instant from,
      Instant to,
      String cursor,
      int count,
      String request) {
    if (cursor != null && !isCursor(cursor)) {
      throw new IllegalArgumentException("not a cursor of a page of slots");
    }
    CalendarQueries.SlotPage page =
        queries.slots(
            insurerId, SlotSearch.freeSlotsOf(doctorId, from, to, count), cursor, clock.instant());
    disclosures.record(
        insurerId, clientId, "search-type", request, page.perDoctor(), page.slots().size());
    return new Page(
        page.slots().stream().map(CalendarQueries.ServedSlot::slot).toList(), page.nextCursor());
  }

  /** Whether the text is {@code start|id}, as {@link CalendarQueries#slots} makes its cursors. */
  private static boolean isCursor(String cursor) {
    String[] parts = cursor.split("\\|", 2);
    if (parts.length != 2 || parts[1].isEmpty()) {
      return false;
    }
    try {
      Instant.parse(parts[0]);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
