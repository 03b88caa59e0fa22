package org.docport.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The error page answers what the container forwards to it. The hub's own refusals no longer go
 * there, so the forwards are made here as the container makes them.
 */
class ErrorPageControllerTest {

  private final ErrorPageController errorPage = new ErrorPageController();

  @Test
  void aFailureOutsideTheControllersAnswersAProblemThatKeepsItsCauseToItself() {
    MockHttpServletRequest forward = forward(500, "/api/doctors");
    forward.setAttribute(
        RequestDispatcher.ERROR_EXCEPTION,
        new IllegalStateException("org.docport.hub.Something broke at java.util.List"));

    ResponseEntity<ProblemDetail> answer = errorPage.error(forward);

    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().getDetail())
        .isEqualTo("DocPort could not complete the request. Try again later.");
    assertThat(answer.getBody().getInstance()).isEqualTo(URI.create("/api/doctors"));
  }

  @Test
  void aStatusSentWithAMessageKeepsTheMessageUnlessItNamesCode() {
    MockHttpServletRequest trace = forward(405, "/api/doctors");
    trace.setAttribute(RequestDispatcher.ERROR_MESSAGE, "TRACE method is not allowed");
    MockHttpServletRequest leaky = forward(405, "/api/doctors");
    leaky.setAttribute(RequestDispatcher.ERROR_MESSAGE, "No handler in org.docport.hub.Thing");

    assertThat(errorPage.error(trace).getBody().getDetail())
        .isEqualTo("TRACE method is not allowed.");
    assertThat(errorPage.error(leaky).getBody().getDetail())
        .isEqualTo("This path does not accept this method.");
    assertThat(errorPage.error(forward(404, "/nowhere")).getBody().getTitle())
        .isEqualTo("Not Found");
  }

  private static MockHttpServletRequest forward(int status, String uri) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
    return request;
  }
}
