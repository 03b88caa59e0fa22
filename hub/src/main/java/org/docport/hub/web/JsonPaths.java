package org.docport.hub.web;

import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Names a field of a JSON document the way a client wrote it: {@code locations[0].address.city}.
 */
final class JsonPaths {

  private JsonPaths() {}

  /** The path, or the empty string for the document itself. */
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
    return path.toString();
  }
}
