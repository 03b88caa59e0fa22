package org.docport.insurersim;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits in front of the FHIR servlet and plays the unreliable network and insurer: adds the
 * configured latency to every request and answers write requests with an injected fault status
 * without letting them reach the store. A filter rather than a HAPI interceptor, because it can
 * answer any status with any headers, as a load balancer or gateway would.
 */
final class FaultFilter implements Filter {

  private static final Logger log = LoggerFactory.getLogger(FaultFilter.class);
  private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final Faults faults;
  private final ErrorResponses errors;
  private volatile Duration latency = Duration.ZERO;

  FaultFilter(Faults faults, ErrorResponses errors) {
    this.faults = faults;
    this.errors = errors;
  }

  void setLatency(Duration latency) {
    this.latency = latency.isNegative() ? Duration.ZERO : latency;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    delay();
    HttpServletRequest http = (HttpServletRequest) request;
    OptionalInt fault = isWrite(http) ? faults.claim() : OptionalInt.empty();
    if (fault.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    int status = fault.getAsInt();
    log.debug("Injected {} for {} {}", status, http.getMethod(), http.getRequestURI());
    HttpServletResponse httpResponse = (HttpServletResponse) response;
    if (status == 429 || status == 503) {
      httpResponse.setHeader("Retry-After", "1");
    }
    errors.send(httpResponse, status, "Injected fault: the insurer answered " + status);
  }

  // POST .../_search is a read that happens to use POST.
  private static boolean isWrite(HttpServletRequest request) {
    return WRITE_METHODS.contains(request.getMethod())
        && !request.getRequestURI().endsWith("/_search");
  }

  private void delay() throws ServletException {
    long nanos = latency.toNanos();
    if (nanos == 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServletException("Interrupted during simulated latency", e);
    }
  }
}
