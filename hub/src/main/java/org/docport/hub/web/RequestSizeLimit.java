package org.docport.hub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over 1 MiB with 413 before anything reads them: no doctor profile comes
 * near that, and an unbounded body is a way to exhaust the hub's memory. Document uploads (a
 * licence copy, a degree certificate) may be up to 5 MiB.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

  static final long MAX_BYTES = 1024 * 1024;

  static final long MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

  private static final Pattern DOCUMENT_UPLOAD =
      Pattern.compile("/api/doctors/[^/]+/documents/[^/]+");

  private final Problems problems;

  RequestSizeLimit(Problems problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean chunked =
        length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    boolean document =
        "PUT".equals(request.getMethod())
            && DOCUMENT_UPLOAD.matcher(request.getRequestURI()).matches();
    long limit = document ? MAX_DOCUMENT_BYTES : MAX_BYTES;
    if (length > limit || chunked) {
      problems.write(
          request,
          response,
          HttpStatus.PAYLOAD_TOO_LARGE,
          "Request too large",
          "Send a body of at most " + (document ? "5" : "1") + " MiB with a Content-Length.");
      return;
    }
    chain.doFilter(request, response);
  }
}
