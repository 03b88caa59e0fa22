package org.docport.hub.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests Spring Security's firewall refuses before any other filter (an encoded percent, a {@code
 * ..} segment, {@code //}, a semicolon, a header value with control characters) answer 400 with the
 * firewall's reason. Without this handler the firewall's {@code sendError} went to the error page,
 * which the security rules then refused, and the client saw an empty 401.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

  private final Problems problems;

  RejectedRequests(Problems problems) {
    this.problems = problems;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    if (request.getDispatcherType() == DispatcherType.ERROR
        && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status) {
      // The firewall refused the error page (a TRACE that Tomcat answered 405): keep that answer.
      String message = (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
      problems.write(request, response, ContainerErrors.problem(status, message, null));
      return;
    }
    ApiException problem = problem(e);
    problems.write(request, response, problem.status(), problem.title(), problem.getMessage());
  }

  static ApiException problem(RequestRejectedException e) {
    String reason = Problems.readable(e.getMessage());
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "Request rejected",
        reason != null ? reason : "The request's URL or headers are not accepted.");
  }
}
