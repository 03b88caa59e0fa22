package org.docport.hub.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.docport.mappings.snapshot.OfferedSlot;
import org.hl7.fhir.r4.model.DateTimeType;

/**
 * A search for slots, parsed and checked: {@code Slot?schedule.actor=Practitioner/…&start=ge…
 * &status=free}, and by schedule, service type, the doctor's specialty, the location or its city,
 * and telemedicine or not. Every condition narrows the search (values separated by commas are
 * alternatives); a parameter the server does not know is refused, naming those it does, unless the
 * client asked for lenient handling.
 *
 * @param doctorId the doctor by registry id (the partner API's search; FHIR names Practitioners)
 * @param from slots starting at or after this (null: any)
 * @param to slots starting before this (null: any)
 * @param statuses the slot statuses asked for (empty: any)
 * @param serviceTypes service type tokens ({@code system|code} or {@code code}), any of them
 * @param specialties the doctor's specialty tokens, any of them
 * @param city the start of the location's city, normalised as the directory indexes it
 * @param telemedicine given remotely or in person (null: either)
 */
record SlotSearch(
    String scheduleId,
    String practitionerId,
    String locationId,
    UUID doctorId,
    Instant from,
    Instant to,
    Set<OfferedSlot.Status> statuses,
    List<String> serviceTypes,
    List<String> specialties,
    String city,
    Boolean telemedicine,
    int count) {

  static final int DEFAULT_COUNT = 50;
  static final int MAX_COUNT = 500;

  /** The parameters understood, with what each takes: the error for an unknown one lists them. */
  static final Map<String, String> PARAMETERS = parameters();

  private static Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("schedule", "Schedule/{id}");
    p.put("schedule.actor", "Practitioner/{id} or Location/{id}");
    p.put("schedule.actor:Practitioner", "Practitioner/{id}");
    p.put("schedule.actor:Location", "Location/{id}");
    p.put("schedule.actor:Location.address-city", "the start of a city's name");
    p.put("start", "a date or instant with a prefix: ge, gt, le, lt, eq (up to two)");
    p.put("status", "free, busy, busy-tentative, busy-unavailable");
    p.put("service-type", "system|code or code");
    p.put("specialty", "system|code or code: the doctor's specialty");
    p.put("telemedicine", "true or false");
    p.put("_count", "1 to " + MAX_COUNT);
    return p;
  }

  static SlotSearch parse(Map<String, String[]> parameters, boolean lenient) {
    String scheduleId = null;
    String practitionerId = null;
    String locationId = null;
    Instant from = null;
    Instant to = null;
    Set<OfferedSlot.Status> statuses = EnumSet.noneOf(OfferedSlot.Status.class);
    List<String> serviceTypes = new ArrayList<>();
    List<String> specialties = new ArrayList<>();
    String city = null;
    Boolean telemedicine = null;
    int count = DEFAULT_COUNT;
    for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
      String name = entry.getKey();
      for (String value : entry.getValue()) {
        switch (name) {
          case "schedule" -> scheduleId = id(name, value, "Schedule");
          case "schedule.actor" -> {
            if (value.startsWith("Location/")) {
              locationId = id(name, value, "Location");
            } else {
              practitionerId = id(name, value, "Practitioner");
            }
          }
          case "schedule.actor:Practitioner" ->
              practitionerId =
                  id(name, value.contains("/") ? value : "Practitioner/" + value, "Practitioner");
          case "schedule.actor:Location" ->
              locationId = id(name, value.contains("/") ? value : "Location/" + value, "Location");
          case "schedule.actor:Location.address-city" -> city = SearchIndex.normalize(value);
          case "start" -> {
            Instant[] range = narrowed(name, from, to, value);
            from = range[0];
            to = range[1];
          }
          case "status" -> {
            for (String code : value.split(",")) {
              statuses.add(status(code));
            }
          }
          case "service-type" -> serviceTypes.addAll(tokens(name, value));
          case "specialty" -> specialties.addAll(tokens(name, value));
          case "telemedicine" -> telemedicine = bool(name, value);
          case "_count" -> count = count(value);
          default -> {
            if (!lenient && !name.startsWith("_")) {
              throw new InvalidRequestException(
                  "Slot search does not support the parameter '"
                      + name
                      + "'. Supported: "
                      + PARAMETERS.keySet()
                      + " (or send Prefer: handling=lenient to ignore it).");
            }
          }
        }
      }
    }
    return new SlotSearch(
        scheduleId,
        practitionerId,
        locationId,
        null,
        from,
        to,
        statuses,
        serviceTypes,
        specialties,
        city,
        telemedicine,
        count);
  }

  /** The free slots of the doctor that start in {@code [from, to)}, {@code count} a page. */
  static SlotSearch freeSlotsOf(UUID doctorId, Instant from, Instant to, int count) {
    return new SlotSearch(
        null,
        null,
        null,
        doctorId,
        from,
        to,
        EnumSet.of(OfferedSlot.Status.FREE),
        List.of(),
        List.of(),
        null,
        null,
        count);
  }

  /** The id of a {@code Type/id} reference (or a bare id). */
  private static String id(String parameter, String value, String type) {
    String id = value.startsWith(type + "/") ? value.substring(type.length() + 1) : value;
    if (id.isBlank() || id.contains("/")) {
      throw new InvalidRequestException(
          "'" + parameter + "' takes " + PARAMETERS.get(parameter) + ", not '" + value + "'.");
    }
    return id;
  }

  /**
   * {@code [from, to)} (either end open: null) narrowed by one more value of the date parameter
   * {@code name}: repeated date parameters all apply.
   */
  static Instant[] narrowed(String name, Instant from, Instant to, String value) {
    Instant[] range = range(name, value);
    return new Instant[] {
      range[0] != null && (from == null || range[0].isAfter(from)) ? range[0] : from,
      range[1] != null && (to == null || range[1].isBefore(to)) ? range[1] : to
    };
  }

  /**
   * The range of instants a date value allows: {@code [from, to)}, either end open (null). A value
   * is as precise as it is written: {@code eq2026-03-09} is the whole day.
   */
  private static Instant[] range(String name, String value) {
    DateParam param;
    try {
      param = new DateParam(value);
    } catch (RuntimeException e) {
      throw new InvalidRequestException(
          "'"
              + name
              + "' takes a date or instant with an optional prefix (ge, gt, le, lt, eq), not '"
              + value
              + "'.");
    }
    if (param.getValue() == null) {
      throw new InvalidRequestException("'" + name + "' has no date: '" + value + "'.");
    }
    DateTimeType low = new DateTimeType(param.getValueAsString());
    Instant lower = low.getValue().toInstant();
    Instant upper = after(low);
    ParamPrefixEnum prefix = param.getPrefix() == null ? ParamPrefixEnum.EQUAL : param.getPrefix();
    return switch (prefix) {
      case EQUAL -> new Instant[] {lower, upper};
      case GREATERTHAN_OR_EQUALS -> new Instant[] {lower, null};
      case GREATERTHAN, STARTS_AFTER -> new Instant[] {upper, null};
      case LESSTHAN_OR_EQUALS -> new Instant[] {null, upper};
      case LESSTHAN, ENDS_BEFORE -> new Instant[] {null, lower};
      default ->
          throw new InvalidRequestException(
              "'"
                  + name
                  + "' supports the prefixes eq, ge, gt, le and lt, not '"
                  + prefix.getValue()
                  + "'.");
    };
  }

  /** The first instant after the period the value names, at its precision. */
  private static Instant after(DateTimeType value) {
    DateTimeType next = value.copy();
    TemporalPrecisionEnum precision = value.getPrecision();
    int field =
        switch (precision) {
          case YEAR -> Calendar.YEAR;
          case MONTH -> Calendar.MONTH;
          case DAY -> Calendar.DATE;
          case MINUTE -> Calendar.MINUTE;
          case SECOND -> Calendar.SECOND;
          case MILLI -> Calendar.MILLISECOND;
        };
    next.add(field, 1);
    return next.getValue().toInstant();
  }

  private static OfferedSlot.Status status(String code) {
    for (OfferedSlot.Status status : OfferedSlot.Status.values()) {
      if (status.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
        return status;
      }
    }
    throw new InvalidRequestException(
        "'status' takes " + PARAMETERS.get("status") + ", not '" + code + "'.");
  }

  /** Tokens as the directory indexes them: {@code system|code}, or {@code code} alone. */
  private static List<String> tokens(String parameter, String value) {
    List<String> tokens = new ArrayList<>();
    for (String token : value.split(",")) {
      String t = token.trim();
      if (t.startsWith("|")) {
        t = t.substring(1);
      }
      if (t.isEmpty() || t.endsWith("|")) {
        throw new InvalidRequestException(
            "'" + parameter + "' takes " + PARAMETERS.get(parameter) + ", not '" + value + "'.");
      }
      tokens.add(t);
    }
    return tokens;
  }

  private static Boolean bool(String parameter, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidRequestException(
              "'" + parameter + "' takes true or false, not '" + value + "'.");
    };
  }

  static int count(String value) {
    try {
      int count = Integer.parseInt(value);
      if (count >= 1) {
        return Math.min(count, MAX_COUNT);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidRequestException(
        "'_count' takes 1 to " + MAX_COUNT + ", not '" + value + "'.");
  }
}
