package org.docport.hub.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.docport.mappings.snapshot.Coding;

/**
 * A doctor's availability, set once for every insurer: the services the doctor offers, the weekly
 * hours at each practice location (in that location's time zone), the extra hours and the leave
 * that change particular days, and how far ahead slots are offered. Slots are generated from it
 * ({@link SlotGenerator}); public holidays come from the operators' calendars of the location's
 * country and state ({@link PublicHolidays}).
 *
 * @param horizonWeeks how many weeks ahead slots are offered, from today; 8 when absent
 * @param allotments slots reserved for particular insurers; the rest are open to every insurer
 */
public record Availability(
    Integer horizonWeeks,
    List<Service> services,
    List<Location> locations,
    List<Leave> leave,
    List<Allotment> allotments) {

  public static final int DEFAULT_HORIZON_WEEKS = 8;

  /** No services, no hours: what a doctor has before setting any. */
  public static final Availability NONE =
      new Availability(null, List.of(), List.of(), List.of(), List.of());

  public Availability {
    services = orEmpty(services);
    locations = orEmpty(locations);
    leave = orEmpty(leave);
    allotments = orEmpty(allotments);
  }

  /** An availability that reserves nothing for any insurer. */
  public Availability(
      Integer horizonWeeks, List<Service> services, List<Location> locations, List<Leave> leave) {
    this(horizonWeeks, services, locations, leave, List.of());
  }

  /**
   * The list, or an empty one for an absent list. Not copied with {@code List.copyOf}, which throws
   * on a null element: a {@code null} in a request's list is a field error that validation names,
   * not a failure to read the request.
   */
  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** Weeks ahead offered. */
  public int horizon() {
    return horizonWeeks == null ? DEFAULT_HORIZON_WEEKS : horizonWeeks;
  }

  public Optional<Service> service(String id) {
    return services.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** How a service is given. */
  public enum Mode {
    IN_PERSON,
    TELEMEDICINE
  }

  /**
   * A service a slot is booked for.
   *
   * @param id the doctor's own short name for it, unique among the doctor's services
   * @param slotMinutes the length of one appointment
   * @param bufferMinutes the pause after each appointment before the next slot starts
   * @param meetingLink where a telemedicine appointment takes place (telemedicine only)
   * @param type a standard code for the service (HL7 service-type, SNOMED CT...), optional: what
   *     insurers search slots by ({@code Slot?service-type=system|code})
   */
  public record Service(
      String id,
      String name,
      Integer slotMinutes,
      Integer bufferMinutes,
      Mode mode,
      String meetingLink,
      Coding type) {

    /** Minutes from one slot's start to the next one's. */
    int step() {
      return slotMinutes + (bufferMinutes == null ? 0 : bufferMinutes);
    }
  }

  /**
   * The hours at one of the doctor's practice locations.
   *
   * @param locationId a practice location of the doctor's profile
   * @param timeZone the IANA time zone the location's hours are in ({@code Asia/Kolkata})
   */
  public record Location(
      String locationId, String timeZone, List<WeeklyHours> weekly, List<ExtraHours> extra) {

    public Location {
      weekly = orEmpty(weekly);
      extra = orEmpty(extra);
    }
  }

  /** Hours on the given days of every week, for one service; {@code end} after {@code start}. */
  public record WeeklyHours(List<DayOfWeek> days, LocalTime start, LocalTime end, String service) {

    public WeeklyHours {
      days = orEmpty(days);
    }
  }

  /** Hours on one date beyond the weekly ones (a Saturday clinic, say), for one service. */
  public record ExtraHours(LocalDate date, LocalTime start, LocalTime end, String service) {}

  /**
   * Slots reserved for one insurer: of each day's free slots of a service at a location, {@code
   * percent} of them (rounded down) or {@code perDay} of them, spread over the day. Only that
   * insurer sees and books them; while it may not see the doctor (no active consent), they are open
   * to all.
   *
   * @param service the service whose slots are reserved; every service when absent
   */
  public record Allotment(String insurerId, String service, Integer percent, Integer perDay) {

    boolean appliesTo(String serviceId) {
      return service == null || service.equals(serviceId);
    }
  }

  /**
   * Time away: every slot that overlaps it is unavailable.
   *
   * @param start local date and time in each location's time zone
   * @param locationId the one location it applies to; every location when absent
   */
  public record Leave(LocalDateTime start, LocalDateTime end, String locationId, String reason) {}
}
