package org.docport.hub.partner;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docport.hub.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Authenticates a partner API request by its signature ({@link RequestSignatures}): the insurer is
 * the one the path names ({@code /api/partner/v1/insurers/{insurerId}/...}), and a request it did
 * not sign is answered 401 with a problem saying what is wrong. What follows reads the body from
 * memory ({@link SignedRequest}). Not a bean: it runs in the partner API's filter chain only.
 */
final class SignatureFilter extends OncePerRequestFilter {

  static final String PREFIX = "/api/partner/v1/insurers/";

  private static final Pattern PATH = Pattern.compile(Pattern.quote(PREFIX) + "([^/]+)/.+");

  private static final String CHALLENGE =
      "StandardWebhooks realm=\"DocPort partner API\", headers=\"webhook-id webhook-timestamp"
          + " webhook-signature\"";

  private final RequestSignatures signatures;
  private final Problems problems;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  SignatureFilter(RequestSignatures signatures, Problems problems) {
    this.signatures = signatures;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher matcher = PATH.matcher(path);
    if (!matcher.matches()) {
      problems.write(
          request,
          response,
          HttpStatus.NOT_FOUND,
          "Not Found",
          "DocPort has nothing at "
              + request.getMethod()
              + " "
              + path
              + "; the partner API's paths start "
              + PREFIX
              + "{insurerId}/ (described at /v3/api-docs).");
      return;
    }
    String insurerId = UriUtils.decode(matcher.group(1), StandardCharsets.UTF_8);
    byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
    RequestSignatures.Verified verified;
    try {
      verified =
          signatures.verify(
              insurerId,
              new RequestSignatures.Headers(
                  request.getHeader(RequestSignatures.ID),
                  request.getHeader(RequestSignatures.TIMESTAMP),
                  request.getHeader(RequestSignatures.SIGNATURE)),
              body);
    } catch (RequestSignatures.Refused refused) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
      problems.write(
          request, response, HttpStatus.UNAUTHORIZED, "Signature refused", refused.getMessage());
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(
        new PartnerCaller.Token(new PartnerCaller(verified.insurerId(), verified.keyId())));
    contexts.setContext(context);
    try {
      chain.doFilter(new SignedRequest(request, body, verified), response);
    } finally {
      contexts.clearContext();
    }
  }
}
