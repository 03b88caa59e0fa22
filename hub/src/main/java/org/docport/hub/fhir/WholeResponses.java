package org.docport.hub.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a FHIR answer leave in full-buffer writes rather than one network write per JSON field.
 * HAPI's JSON writer hands each primitive to Jackson's {@code ObjectMapper.writeValue}, which
 * flushes after every value (Jackson 2's {@code FLUSH_AFTER_WRITE_VALUE}); through the servlet
 * writer each flush became a chunk written to the socket, hundreds for a page of 20 Slots (seen in
 * a JFR profile of the slot benchmark). The writer handed on ignores {@code flush()}: the container
 * still sends whenever its buffer fills, and the rest when the answer is complete. Streams (bulk
 * export files) are not wrapped.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class WholeResponses extends OncePerRequestFilter {

  /** Only the FHIR API; after the security filters, which must see every request first. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/fhir/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, new Unflushed(response));
  }

  private static final class Unflushed extends HttpServletResponseWrapper {

    private PrintWriter writer;

    Unflushed(HttpServletResponse response) {
      super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer =
            new PrintWriter(
                new FilterWriter(super.getWriter()) {
                  @Override
                  public void flush() {
                    // the container flushes when its buffer fills and when the answer ends
                  }
                });
      }
      return writer;
    }
  }
}
