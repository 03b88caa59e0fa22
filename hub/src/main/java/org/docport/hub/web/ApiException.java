package org.docport.hub.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request DocPort refuses, with what to fix. Rendered as {@code application/problem+json}; the
 * optional field errors name the offending fields by JSON path (e.g. {@code locations[0].name}).
 */
public class ApiException extends RuntimeException {

  /** One offending field and what is wrong with it. */
  public record FieldError(String field, String message) {}

  private final HttpStatus status;
  private final String title;
  private final List<FieldError> errors;

  public ApiException(HttpStatus status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  public ApiException(HttpStatus status, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** 400 naming one offending field: {@code detail} is {@code field: message}. */
  public static ApiException invalidField(String title, String field, String message) {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        title,
        field + ": " + message,
        List.of(new FieldError(field, message)));
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
