package org.docport.hub.partner;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.docport.hub.platform.Digests;
import org.docport.hub.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * A signed request's {@code webhook-id} is its idempotency key ({@link PartnerRequests}): the first
 * request with an id acts and its answer is kept; a repeat of it (same method, path, query and
 * body) gets that answer again, status and body, with {@code Idempotent-Replayed: true}, and acts
 * no more. The same id on another request is a 422: since only the id, timestamp and body are
 * signed, this is also what stops a captured signature from being sent to another path. A 5xx
 * answer is not kept (nothing was changed), so a repeat acts again. Not a bean: it runs in the
 * partner API's filter chain only, after the {@link SignatureFilter}.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

  static final String REPLAYED = "Idempotent-Replayed";

  private final PartnerRequests requests;
  private final PartnerSettings settings;
  private final Problems problems;

  IdempotencyFilter(PartnerRequests requests, PartnerSettings settings, Problems problems) {
    this.requests = requests;
    this.settings = settings;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    SignedRequest signed = WebUtils.getNativeRequest(request, SignedRequest.class);
    if (signed == null) {
      throw new IllegalStateException("the IdempotencyFilter runs after the SignatureFilter");
    }
    RequestSignatures.Verified verified = signed.verified();
    // Kept until a repeat of this very request (its timestamp) could no longer be accepted, and
    // the retention after that for repeats signed anew.
    Instant until =
        verified
            .timestamp()
            .plus(settings.timestampTolerance())
            .plus(settings.idempotencyRetention());
    PartnerRequests.Claim claim =
        requests.claim(
            verified.insurerId(),
            verified.requestId(),
            fingerprint(request, signed.body()),
            until,
            settings.claimLease());
    if (claim instanceof PartnerRequests.Answered answered) {
      replay(response, answered);
    } else if (claim instanceof PartnerRequests.InProgress) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
      problems.write(
          request,
          response,
          HttpStatus.CONFLICT,
          "Request in progress",
          "The request with webhook-id '"
              + verified.requestId()
              + "' is being answered; repeat it in a moment to get its answer.");
    } else if (claim instanceof PartnerRequests.OtherRequest) {
      problems.write(
          request,
          response,
          HttpStatus.UNPROCESSABLE_ENTITY,
          "webhook-id used for another request",
          "webhook-id '"
              + verified.requestId()
              + "' was used for another request (another method, path, query or body). Give"
              + " each new request a new webhook-id; repeat an id only to retry the same request.");
    } else {
      act(request, response, chain, verified);
    }
  }

  private void act(
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain,
      RequestSignatures.Verified verified)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    boolean kept = false;
    try {
      chain.doFilter(request, answer);
      if (answer.getStatus() < 500) {
        requests.answer(
            verified.insurerId(),
            verified.requestId(),
            answer.getStatus(),
            answer.getContentType(),
            answer.getHeader(HttpHeaders.LOCATION),
            answer.getContentAsByteArray());
        kept = true;
      }
    } finally {
      if (!kept) {
        requests.release(verified.insurerId(), verified.requestId());
      }
      answer.copyBodyToResponse();
    }
  }

  private static void replay(HttpServletResponse response, PartnerRequests.Answered answered)
      throws IOException {
    response.setStatus(answered.status());
    if (answered.contentType() != null) {
      response.setContentType(answered.contentType());
    }
    if (answered.location() != null) {
      response.setHeader(HttpHeaders.LOCATION, answered.location());
    }
    response.setHeader(REPLAYED, "true");
    byte[] body = answered.body() == null ? new byte[0] : answered.body();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** What makes two requests the same: method, path, query and body. */
  private static String fingerprint(HttpServletRequest request, byte[] body) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    String query = request.getQueryString();
    all.writeBytes(
        (request.getMethod()
                + " "
                + request.getRequestURI()
                + (query == null ? "" : "?" + query)
                + "\n")
            .getBytes(StandardCharsets.UTF_8));
    all.writeBytes(body);
    return Digests.sha256Hex(all.toByteArray());
  }
}
