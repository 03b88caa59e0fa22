package org.docport.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.HttpStatus;

/** Explains why a JSON body could not be read, naming the field where possible. */
public final class JsonProblems {

  private JsonProblems() {}

  /** A 400 problem for an unreadable body (or for the exception that wraps the reason). */
  public static ApiException describe(Throwable e) {
    Throwable cause =
        e instanceof JsonProcessingException || e.getCause() == null ? e : e.getCause();
    if (cause instanceof JsonMappingException m && m.getCause() instanceof StreamReadException p) {
      cause = p; // broken syntax inside a nested object is still broken syntax
    }
    if (cause instanceof UnrecognizedPropertyException u) {
      return ApiException.invalidField(
          "Invalid request",
          JsonPaths.of(u),
          "unknown field; allowed here: " + u.getKnownPropertyIds());
    }
    if (cause instanceof InvalidFormatException f) {
      return ApiException.invalidField(
          "Invalid request",
          JsonPaths.of(f),
          "cannot read " + quoted(f.getValue()) + " as " + JsonPaths.describe(f.getTargetType()));
    }
    if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return ApiException.invalidField(
          "Invalid request", JsonPaths.of(m), JsonPaths.firstLine(m.getOriginalMessage()));
    }
    if (cause instanceof JsonProcessingException p) {
      String where =
          p.getLocation() == null
              ? ""
              : " (line "
                  + p.getLocation().getLineNr()
                  + ", column "
                  + p.getLocation().getColumnNr()
                  + ")";
      return new ApiException(
          HttpStatus.BAD_REQUEST,
          "Malformed JSON",
          JsonPaths.firstLine(p.getOriginalMessage()) + where);
    }
    return new ApiException(
        HttpStatus.BAD_REQUEST, "Malformed request body", "The body is missing or is not JSON.");
  }

  private static String quoted(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
