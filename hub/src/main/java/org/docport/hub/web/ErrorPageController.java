package org.docport.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot's error page, where the container forwards what failed outside a controller (an
 * exception in a filter, a servlet's {@code sendError}), answered as a problem for every status and
 * every {@code Accept}. It takes the place of Boot's {@code BasicErrorController}, whose body was
 * JSON of another shape or an HTML page. Security lets only error dispatches in.
 */
@Hidden
@RestController
class ErrorPageController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    int status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
            ? code
            : 404;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (status >= 500
        && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown) {
      log.error("Unexpected failure of {}", uri, thrown);
    }
    String message = (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    ProblemDetail problem = ContainerErrors.problem(status, message, null);
    if (uri instanceof String path) {
      problem.setInstance(Problems.instance(path));
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
