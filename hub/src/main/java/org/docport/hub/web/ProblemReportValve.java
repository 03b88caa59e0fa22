package org.docport.hub.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's error report as {@code application/problem+json}: the answer to a request that the
 * container refused before it reached the application, or that nothing else answered.
 */
class ProblemReportValve extends ErrorReportValve {

  private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

  private final Problems problems;

  ProblemReportValve(Problems problems) {
    this.problems = problems;
  }

  @Override
  protected void report(Request request, Response response, Throwable thrown) {
    // As Tomcat's own report: only an error, only once, only on an untouched response.
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      problems.write(
          request, response, ContainerErrors.problem(status, response.getMessage(), thrown));
    } catch (IOException | RuntimeException e) {
      log.debug("Could not write the problem for a {} response", status, e);
    }
  }
}
