package org.docport.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.springframework.http.HttpStatus;

/**
 * Explains why a JSON body could not be read, naming the field by its JSON path and what belongs
 * there in the client's terms ({@link ExpectedJson}). The text is built from what Jackson reports
 * (path, target type, offending value), never from Jackson's messages, which name Java classes;
 * only a syntax error's message is shown, once {@link #plain} has checked it names none.
 */
public final class JsonProblems {

  private static final String INVALID = "Invalid request";
  private static final String MALFORMED = "Malformed JSON";

  private JsonProblems() {}

  /** A 400 problem for an unreadable body (or for the exception that wraps the reason). */
  public static ApiException describe(Throwable e) {
    Throwable cause =
        e instanceof JsonProcessingException || e.getCause() == null ? e : e.getCause();
    if (cause instanceof JsonMappingException m && isParsing(m.getCause())) {
      // A parser error inside a value: a number too large keeps its field; bad syntax is syntax.
      return m.getCause() instanceof InputCoercionException c
          ? outOfRange(JsonPaths.of(m), c.getTargetType())
          : syntax((JsonProcessingException) m.getCause());
    }
    if (cause instanceof InputCoercionException c) {
      return outOfRange("", c.getTargetType());
    }
    if (cause instanceof JsonMappingException m) {
      return mapping(m);
    }
    if (cause instanceof JsonProcessingException p) {
      return syntax(p);
    }
    return new ApiException(
        HttpStatus.BAD_REQUEST, "Malformed request body", "The body is missing or is not JSON.");
  }

  /** An error of the JSON text itself (syntax, or a limit on its size) rather than its meaning. */
  private static boolean isParsing(Throwable e) {
    return e instanceof StreamReadException || e instanceof StreamConstraintsException;
  }

  private static ApiException mapping(JsonMappingException m) {
    String path = JsonPaths.of(m);
    if (m instanceof UnrecognizedPropertyException u) {
      return invalid(
          path,
          "unknown field; allowed here: "
              + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
    }
    if (m instanceof PropertyBindingException) {
      return invalid(path, "may not be set here");
    }
    if (m instanceof InvalidNullException) {
      return invalid(path, "must not be null");
    }
    if (m instanceof InvalidTypeIdException) {
      return invalid(path, "has a missing or unknown type");
    }
    if (m instanceof InvalidFormatException f) {
      return expected(path, f.getTargetType(), f.getValue());
    }
    if (m instanceof MismatchedInputException mismatch) {
      if (path.isEmpty() && String.valueOf(m.getOriginalMessage()).startsWith("Trailing token")) {
        return new ApiException(
            HttpStatus.BAD_REQUEST,
            MALFORMED,
            "The body must hold one JSON value, but more follows it" + where(m) + ".");
      }
      Class<?> type = mismatch.getTargetType();
      return type != null && type.isPrimitive()
          ? invalid(path, "must be " + ExpectedJson.of(type) + ", not null or left out")
          : expected(path, type, null);
    }
    if (m instanceof ValueInstantiationException v) {
      String reason =
          v.getCause() instanceof IllegalArgumentException a ? plain(a.getMessage()) : null;
      return invalid(path, reason == null ? "is not valid" : "is not valid: " + reason);
    }
    return invalid(path, "is not valid");
  }

  /** "expected an object with system, code and display", with the value sent when known. */
  private static ApiException expected(String path, Class<?> type, Object sent) {
    String expected = ExpectedJson.of(type) + (shown(sent) ? " (got " + quoted(sent) + ")" : "");
    return path.isEmpty()
        ? new ApiException(HttpStatus.BAD_REQUEST, INVALID, "The body must be " + expected + ".")
        : ApiException.invalidField(INVALID, path, "expected " + expected);
  }

  /** A number too large for its field: what fits there. */
  private static ApiException outOfRange(String path, Class<?> type) {
    String range = ExpectedJson.range(type);
    String expected = ExpectedJson.of(type) + (range == null ? "" : " " + range);
    return path.isEmpty()
        ? new ApiException(HttpStatus.BAD_REQUEST, INVALID, "The body must be " + expected + ".")
        : ApiException.invalidField(INVALID, path, "too large: expected " + expected);
  }

  private static ApiException invalid(String path, String message) {
    return path.isEmpty()
        ? new ApiException(HttpStatus.BAD_REQUEST, INVALID, "The body " + message + ".")
        : ApiException.invalidField(INVALID, path, message);
  }

  private static ApiException syntax(JsonProcessingException e) {
    String what =
        e instanceof JsonEOFException
            ? "The body ends before its JSON is complete"
            : plain(e.getOriginalMessage());
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        MALFORMED,
        (what == null ? "The body is not valid JSON" : what) + where(e));
  }

  /**
   * The first line of a parser's message without Jackson's own references (its source location, the
   * setting that imposes a limit), or null when what remains still reads like code.
   */
  static String plain(String message) {
    if (message == null) {
      return null;
    }
    String text = message.lines().findFirst().orElse("");
    int source = text.indexOf(" (start marker at");
    text = source < 0 ? text : text.substring(0, source);
    text = text.replaceAll(", from `[^`]*`\\)", ")").trim();
    return Problems.readable(text);
  }

  private static String where(JsonProcessingException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 0
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private static boolean shown(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  private static String quoted(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
