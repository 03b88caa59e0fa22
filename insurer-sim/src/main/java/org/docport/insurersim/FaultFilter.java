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
import java.util.List;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
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
  private volatile Duration writeLatency = Duration.ZERO;
  private final Queue<String> writesInFlight = new ConcurrentLinkedQueue<>();

  FaultFilter(Faults faults, ErrorResponses errors) {
    this.faults = faults;
    this.errors = errors;
  }

  void setLatency(Duration latency) {
    this.latency = latency.isNegative() ? Duration.ZERO : latency;
  }

  void setWriteLatency(Duration latency) {
    this.writeLatency = latency.isNegative() ? Duration.ZERO : latency;
  }

  /** The resource types of the write requests being handled now, one entry per request. */
  List<String> writesInFlight() {
    return List.copyOf(writesInFlight);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (!isWrite(http)) {
      delay(latency);
      chain.doFilter(request, response);
      return;
    }
    String type = resourceType(http);
    writesInFlight.add(type);
    try {
      // Read once, on arrival: a request already waiting keeps the latency it came in under.
      delay(latency.plus(writeLatency));
      handleWrite(http, response, chain);
    } finally {
      writesInFlight.remove(type);
    }
  }

  private void handleWrite(HttpServletRequest http, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    OptionalInt fault = faults.claim();
    if (fault.isEmpty()) {
      chain.doFilter(http, response);
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

  private static String resourceType(HttpServletRequest request) {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    String first = path.startsWith("/") ? path.substring(1) : path;
    int end = first.indexOf('/');
    return end < 0 ? first : first.substring(0, end);
  }

  private static void delay(Duration latency) throws ServletException {
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
