package org.docport.hub.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refused request answers {@code application/problem+json} that says what to fix; an
 * unexpected failure answers 500 without internals, and is logged.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  private static final ApiException INTERNAL_ERROR =
      new ApiException(
          HttpStatus.INTERNAL_SERVER_ERROR,
          "Internal error",
          "DocPort could not complete the request; nothing was changed. Try again later.");

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    return Problems.entity(e);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    String expected = ExpectedJson.of(e.getRequiredType());
    return Problems.entity(
        new ApiException(
            HttpStatus.BAD_REQUEST,
            "Invalid parameter",
            "'" + e.getName() + "' must be " + expected + " (got '" + e.getValue() + "')",
            List.of(new ApiException.FieldError(e.getName(), "expected " + expected))));
  }

  /** A header the firewall refuses is read only once a controller asks for it. */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
    return Problems.entity(RejectedRequests.problem(e));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return widen(Problems.entity(JsonProblems.describe(e)));
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    e.getBody()
        .setDetail(
            "DocPort has nothing at "
                + e.getHttpMethod()
                + " /"
                + e.getResourcePath()
                + "; the API is described at /v3/api-docs.");
    return super.handleNoResourceFoundException(e, headers, status, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
    if (e instanceof org.springframework.security.access.AccessDeniedException
        || e instanceof org.springframework.security.core.AuthenticationException) {
      throw e; // Spring Security answers these (401/403)
    }
    log.error("Unexpected failure", e);
    return Problems.entity(INTERNAL_ERROR);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
    return (ResponseEntity) response;
  }
}
