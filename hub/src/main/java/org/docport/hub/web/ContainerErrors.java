package org.docport.hub.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problems for what fails outside Spring MVC: Tomcat refuses some requests before any filter runs
 * (an encoded slash or NUL in the path, a malformed request line, headers over the size limit) and
 * renders them with its host's error report valve, an HTML page; everything else that fails outside
 * a controller is forwarded to the error page ({@link ErrorPageController}). Both answer what
 * {@link #problem} says.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

  /**
   * Replaces every error report valve of the host, Tomcat's default and the one Spring Boot adds
   * when stack traces are never shown, by a {@link ProblemReportValve}. This customizer is
   * unordered, so it runs after Spring Boot's (order 0) and sees the valve that one adds.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(Problems problems) {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              Host host = (Host) context.getParent();
              for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                  host.getPipeline().removeValve(valve);
                }
              }
              if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(null); // or it adds Tomcat's at start
              }
              host.getPipeline().addValve(new ProblemReportValve(problems));
            });
  }

  /**
   * The problem for a status that Spring MVC did not answer itself, with the container's message
   * ({@code sendError}'s, or the parser's exception) when a client may read it.
   */
  static ProblemDetail problem(int status, String message, Throwable thrown) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    HttpStatus known = HttpStatus.resolve(status);
    problem.setTitle(
        status == 400 ? "Malformed request" : known == null ? "Error" : known.getReasonPhrase());
    problem.setDetail(detail(status, message, thrown));
    return problem;
  }

  private static String detail(int status, String message, Throwable thrown) {
    String reason =
        Problems.readable(thrown instanceof IllegalArgumentException ? thrown.getMessage() : null);
    String said = Problems.readable(message);
    return switch (status) {
      case 400 -> badRequest(said, reason);
      case 401 -> "Sign in with HTTP Basic: your DocPort username and password.";
      case 403 -> "Your account may not do this.";
      case 404 -> "DocPort has nothing at this path; the API is described at /v3/api-docs.";
      case 405 -> said != null ? said + "." : "This path does not accept this method.";
      case 413 -> "The request body is too large.";
      case 417 -> "DocPort supports only 'Expect: 100-continue'.";
      case 501 -> "DocPort cannot read this request's Transfer-Encoding; send a Content-Length.";
      case 505 -> "DocPort speaks HTTP/1.1.";
      default ->
          status >= 500
              ? "DocPort could not complete the request. Try again later."
              : "DocPort could not accept the request.";
    };
  }

  private static String badRequest(String said, String reason) {
    if (said != null && said.startsWith("Invalid URI")) {
      String why = said.replaceFirst("^Invalid URI:? ?\\[?", "").replaceFirst("]$", "");
      return "The request path is not accepted"
          + (why.isBlank() ? "" : " (" + why + ")")
          + ": DocPort refuses an encoded slash (%2F), backslash (%5C) or NUL (%00), and '..'"
          + " segments that climb above the root.";
    }
    if (reason != null && reason.startsWith("Request header is too large")) {
      return "The request line and headers are too large: shorten the URI or the headers.";
    }
    return reason != null
        ? reason
        : "The request is not valid HTTP/1.1 (its request line, a header, or its Content-Length).";
  }
}
