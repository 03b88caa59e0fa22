package org.docport.hub;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Bookable hours for sample doctors: 20-minute consultations on one clinic day. */
public final class SampleCalendars {

  /**
   * The one day the doctors see patients: three days ahead in their time zone, so every slot is in
   * the planning horizon and hours away, whatever the day and hour the tests run.
   */
  public static final LocalDate CLINIC_DAY = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(3);

  private SampleCalendars() {}

  /**
   * An availability of 20-minute consultations (General Practice, in person) in these hours ({@link
   * #hoursOn}), planned one week ahead.
   */
  @SafeVarargs
  public static Map<String, Object> consultations(Map<String, Object>... hours) {
    return Map.of(
        "horizonWeeks",
        1,
        "services",
        List.of(
            Map.of(
                "id",
                "consult",
                "name",
                "Consultation",
                "slotMinutes",
                20,
                "mode",
                "IN_PERSON",
                "type",
                Map.of(
                    "system",
                    "http://terminology.hl7.org/CodeSystem/service-type",
                    "code",
                    "124",
                    "display",
                    "General Practice"))),
        "locations",
        List.of(hours));
  }

  /** Hours of the {@code consult} service at the location on {@link #CLINIC_DAY}. */
  public static Map<String, Object> hoursOn(String location, String start, String end) {
    return Map.of(
        "locationId",
        location,
        "timeZone",
        "Asia/Kolkata",
        "extra",
        List.of(
            Map.of(
                "date", CLINIC_DAY.toString(), "start", start, "end", end, "service", "consult")));
  }
}
