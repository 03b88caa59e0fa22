package org.docport.hub.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Collects what is wrong with a request, field by field, so a client can fix all of it at once; one
 * 400 problem with every field's error.
 */
public final class Violations {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");

  private final String title;
  private final List<ApiException.FieldError> errors = new ArrayList<>();

  /**
   * @param title the problem's title, naming what was invalid ("Invalid doctor profile")
   */
  public Violations(String title) {
    this.title = title;
  }

  public void add(String field, String message) {
    errors.add(new ApiException.FieldError(field, message));
  }

  /** A required, single-line text of at most {@code max} characters. */
  public boolean required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      add(field, "required");
      return false;
    }
    return optional(field, value, max);
  }

  /** An optional single-line text: when present, not blank and at most {@code max} characters. */
  public boolean optional(String field, String value, int max) {
    if (value == null) {
      return true;
    }
    if (value.isBlank()) {
      add(field, "must not be blank; leave it out instead");
      return false;
    }
    if (value.length() > max) {
      add(field, "at most " + max + " characters, was " + value.length());
      return false;
    }
    if (CONTROL.matcher(value).find()) {
      add(field, "must not contain control characters or line breaks");
      return false;
    }
    return true;
  }

  public void matches(String field, String value, Pattern pattern, String expected) {
    if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
      add(field, "must be " + expected + ", was \"" + value + "\"");
    }
  }

  public void oneOf(String field, String value, List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      add(field, "must be one of " + allowed + ", was \"" + value + "\"");
    }
  }

  public void absoluteUri(String field, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    try {
      if (!URI.create(value).isAbsolute()) {
        add(field, "must be an absolute URI such as http://hl7.org/fhir/sid/us-npi");
      }
    } catch (IllegalArgumentException e) {
      add(field, "must be an absolute URI such as http://hl7.org/fhir/sid/us-npi");
    }
  }

  public boolean atMost(String field, List<?> list, int max) {
    if (list.size() > max) {
      add(field, "at most " + max + " entries, was " + list.size());
      return false;
    }
    return true;
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public List<ApiException.FieldError> errors() {
    return List.copyOf(errors);
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      String detail =
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : errors.size() + " fields are invalid; see errors";
      throw new ApiException(HttpStatus.BAD_REQUEST, title, detail, errors);
    }
  }
}
