package org.docport.hub.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Names a field of a JSON document the way a client wrote it: {@code locations[0].address.city}.
 */
final class JsonPaths {

  private JsonPaths() {}

  static String of(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      }
    }
    return path.isEmpty() ? "(body)" : path.toString();
  }

  static String describe(Class<?> type) {
    if (type == LocalDate.class) {
      return "a date (YYYY-MM-DD)";
    }
    if (type == UUID.class) {
      return "a UUID";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type == Boolean.class) {
      return "true or false";
    }
    return type.getSimpleName();
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
