package org.docport.hub.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What a value of a Java type looks like in JSON or in a URL, in the terms of the client who sends
 * it ("a date like 2027-01-31", "an object with system, code and display"): never the Java type's
 * name, which means nothing to a front end and tells an outsider how the hub is built.
 */
final class ExpectedJson {

  private ExpectedJson() {}

  static String of(Class<?> type) {
    if (type == null || type == Object.class || JsonNode.class.isAssignableFrom(type)) {
      return "a JSON value of another kind";
    }
    if (CharSequence.class.isAssignableFrom(type)
        || type == Character.class
        || type == char.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (isWholeNumber(type)) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type.isEnum()) {
      return "one of: " + String.join(", ", enumNames(type));
    }
    String time = time(type);
    if (time != null) {
      return time;
    }
    if (type == UUID.class) {
      return "a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e";
    }
    if (type == URI.class || type == URL.class) {
      return "a URI string";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type.isRecord()) {
      List<String> fields = recordFields(type);
      return fields.isEmpty() ? "an object" : "an object with " + joined(fields);
    }
    return "an object"; // a map or a bean
  }

  /** The range a whole-number type holds, for a value too large for it; null when unbounded. */
  static String range(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return "from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == Long.class || type == long.class) {
      return "from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    if (type == Short.class || type == short.class) {
      return "from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
    }
    if (type == Byte.class || type == byte.class) {
      return "from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE;
    }
    return null;
  }

  private static boolean isWholeNumber(Class<?> type) {
    return type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class
        || type == Byte.class
        || type == byte.class
        || type == BigInteger.class;
  }

  private static String time(Class<?> type) {
    if (type == LocalDate.class) {
      return "a date like 2027-01-31";
    }
    if (type == LocalDateTime.class) {
      return "a date and time like 2027-01-31T09:30:00";
    }
    if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == Instant.class) {
      return "a date and time with its offset, like 2027-01-31T09:30:00Z or"
          + " 2027-01-31T15:00:00+05:30";
    }
    if (type == LocalTime.class) {
      return "a time like 09:30";
    }
    if (type == Duration.class) {
      return "an ISO 8601 duration like P14D or PT12H";
    }
    if (type == Period.class) {
      return "an ISO 8601 period like P1M or P1Y";
    }
    return null;
  }

  /** The names Jackson reads an enum by: each constant's name, or its {@code @JsonProperty}. */
  private static List<String> enumNames(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(
            constant -> {
              String name = ((Enum<?>) constant).name();
              try {
                JsonProperty renamed = type.getField(name).getAnnotation(JsonProperty.class);
                return renamed == null || renamed.value().isEmpty() ? name : renamed.value();
              } catch (NoSuchFieldException e) {
                return name;
              }
            })
        .toList();
  }

  private static List<String> recordFields(Class<?> type) {
    return Arrays.stream(type.getRecordComponents())
        .filter(c -> !c.isAnnotationPresent(JsonIgnore.class) && !readOnly(c))
        .map(
            c -> {
              JsonProperty renamed = c.getAnnotation(JsonProperty.class);
              return renamed == null || renamed.value().isEmpty() ? c.getName() : renamed.value();
            })
        .toList();
  }

  private static boolean readOnly(RecordComponent component) {
    JsonProperty property = component.getAnnotation(JsonProperty.class);
    return property != null && property.access() == JsonProperty.Access.READ_ONLY;
  }

  private static String joined(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }
}
