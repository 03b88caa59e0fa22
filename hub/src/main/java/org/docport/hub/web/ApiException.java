package org.docport.hub.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
  private final Duration retryAfter;

  public ApiException(HttpStatus status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  public ApiException(HttpStatus status, String title, String detail, List<FieldError> errors) {
    this(status, title, detail, errors, null);
  }

  private ApiException(
      HttpStatus status,
      String title,
      String detail,
      List<FieldError> errors,
      Duration retryAfter) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  /** 429: the caller must wait before asking again; answered with {@code Retry-After}. */
  public static ApiException tooManyRequests(String title, String detail, Duration retryAfter) {
    return new ApiException(HttpStatus.TOO_MANY_REQUESTS, title, detail, List.of(), retryAfter);
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

  /** How long to wait before asking again, when that is part of the answer. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whole seconds to put in a {@code Retry-After} header: at least 1, rounded up. */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
