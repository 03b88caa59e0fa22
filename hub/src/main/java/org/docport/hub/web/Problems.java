package org.docport.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one shape of a refused request (RFC 9457 {@code application/problem+json}: type, title,
 * status, detail, instance, and {@code errors} naming fields by JSON path), whoever refuses it: a
 * controller through {@link ProblemHandler}, or a filter, Spring Security or the servlet container,
 * which answer before Spring MVC and write it here themselves.
 */
@Component
public class Problems {

  /** Text that reads like a Java class or package ({@code java.util.List}, {@code `Coding`}). */
  private static final Pattern CODE_NAME =
      Pattern.compile("`|\\b(?:java|javax|jakarta|com|org|net|io|sun)\\.[a-z]");

  private final ObjectMapper json;

  Problems(ObjectMapper json) {
    this.json = json;
  }

  /** {@code text} when a client may read it, or null when it names code (a class, a package). */
  static String readable(String text) {
    return text == null || text.isBlank() || CODE_NAME.matcher(text).find() ? null : text;
  }

  static ProblemDetail detail(
      HttpStatus status, String title, String detail, List<ApiException.FieldError> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    return body;
  }

  static ResponseEntity<ProblemDetail> entity(ApiException problem) {
    var answer = ResponseEntity.status(problem.status());
    problem
        .retryAfter()
        .ifPresent(
            wait ->
                answer.header(
                    HttpHeaders.RETRY_AFTER, String.valueOf(ApiException.retryAfterSeconds(wait))));
    return answer
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(detail(problem.status(), problem.title(), problem.getMessage(), problem.errors()));
  }

  /** Answers a problem on a response that nothing has written to yet. */
  public void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail)
      throws IOException {
    write(request, response, detail(status, title, detail, List.of()));
  }

  void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    if (problem.getInstance() == null && request != null) {
      // On the error page, the request that failed rather than the page.
      Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      problem.setInstance(instance(failed instanceof String path ? path : request.getRequestURI()));
    }
    byte[] body = json.writeValueAsBytes(problem);
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** The request path as the problem's {@code instance}, as Spring MVC sets it; none if unsound. */
  static URI instance(String path) {
    try {
      return path == null ? null : URI.create(path);
    } catch (IllegalArgumentException e) {
      return null; // a path the container refused need not be a URI
    }
  }
}
