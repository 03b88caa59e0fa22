package org.docport.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docport.hub.web.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.docport.hub.HubTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whoever refuses a request, Tomcat before any filter, Spring Security's firewall, the security
 * rules, a filter or Spring MVC, the client gets {@code application/problem+json} that says what is
 * wrong, and never an HTML page, an empty body or the name of a Java class. The requests go through
 * a raw socket: HTTP clients (and MockMvc, which skips Tomcat) refuse or repair the malformed ones.
 */
class RefusedRequestsTest extends HubTest {

  private RawHttp http;
  private String operator;

  @BeforeEach
  void connect() {
    http = new RawHttp(port);
    operator = RawHttp.basic("operator", OPERATOR_PASSWORD);
  }

  @ParameterizedTest
  @MethodSource("refusedBeforeTheControllers")
  void aRequestRefusedBeforeTheControllersAnswersAProblem(
      Request request, int status, String detail) {
    Map<String, String> headers = new HashMap<>(request.headers());
    headers.putIfAbsent("Authorization", operator);

    RawHttp.Response response =
        http.send(request.method(), request.target(), headers, request.body());

    JsonNode problem = assertProblem(response, status);
    assertThat(problem.get("detail").asText()).contains(detail);
  }

  static Stream<Arguments> refusedBeforeTheControllers() {
    String json = "{\"name\": {\"family\": \"Rao\"}}";
    return Stream.of(
        refused(
            "an encoded slash",
            get("/api/doctors/a%2Fb"),
            400,
            "(The encoded slash character is not allowed): DocPort refuses an encoded slash (%2F)"),
        refused("an encoded NUL", get("/api/doctors/a%00b"), 400, "refuses an encoded slash"),
        refused("an encoded backslash", get("/api/doctors/a%5Cb"), 400, "refuses an encoded slash"),
        refused(
            "a backslash", get("/api/doctors/a\\b"), 400, "Invalid character found in the request"),
        refused(
            "a control character",
            get("/api/doctors/a\u0007b"),
            400,
            "Invalid character found in the request target"),
        refused("an encoded percent", get("/api/doctors/a%25b"), 400, "\"%25\""),
        refused("a .. segment", get("/api/doctors/../accounts"), 400, "not normalized"),
        refused("an encoded .. segment", get("/api/doctors/%2e%2e/x"), 400, "\"%2e\""),
        refused("a path parameter", get("/api/doctors/a;x=1"), 400, "\";\""),
        refused("a double slash", get("//api/doctors"), 400, "\"//\""),
        refused(
            "an over-long URI",
            get("/api/doctors/" + "a".repeat(10_000)),
            400,
            "The request line and headers are too large"),
        refused(
            "an over-long header",
            get("/api/doctors").with("X-Padding", "b".repeat(10_000)),
            400,
            "The request line and headers are too large"),
        refused(
            "a control character in a header",
            get("/api/doctors").with("X-Note", "a\u0001b"),
            400,
            "does not conform to RFC 7230"),
        refused(
            "a header value the firewall refuses",
            get("/api/doctors").with("Accept", "application/json\u0085"),
            400,
            "has a value"),
        refused(
            "a method that is not a token",
            new Request("G@T", "/api/doctors", Map.of(), null),
            400,
            "HTTP method names must be tokens"),
        refused(
            "a non-numeric Content-Length",
            new Request("POST", "/api/doctors", Map.of("Content-Length", "many"), null),
            400,
            "not valid HTTP/1.1"),
        refused(
            "an unknown Transfer-Encoding",
            new Request("POST", "/api/doctors", Map.of("Transfer-Encoding", "zip"), null),
            501,
            "Transfer-Encoding"),
        refused(
            "an unknown expectation",
            post("/api/doctors", json).with("Expect", "miracles"),
            417,
            "100-continue"),
        refused("TRACE", new Request("TRACE", "/api/doctors", Map.of(), null), 405, "TRACE"),
        refused(
            "a malformed Content-Type",
            new Request("POST", "/api/doctors", Map.of("Content-Type", "json!"), json),
            415,
            "Could not parse Content-Type"),
        refused(
            "an unsupported Content-Type",
            new Request("POST", "/api/doctors", Map.of("Content-Type", "text/csv"), json),
            415,
            "Content-Type 'text/csv"),
        refused(
            "a method the path does not take",
            new Request("DELETE", "/api/doctors", Map.of(), null),
            405,
            "'DELETE' is not supported"),
        refused(
            "an unknown path",
            get("/api/nothing-here").with("Accept", "text/html"),
            404,
            "DocPort has nothing at GET /api/nothing-here"),
        refused(
            "a body over the size limit",
            post("/api/doctors", "{\"x\": \"" + "x".repeat(1_100_000) + "\"}"),
            413,
            "at most 1 MiB"),
        refused(
            "a chunked body",
            post("/api/doctors", "2\r\n{}\r\n0\r\n\r\n").with("Transfer-Encoding", "chunked"),
            413,
            "with a Content-Length"),
        refused("the error page itself", get("/error"), 403, "This account may not GET /error"));
  }

  private static Arguments refused(String name, Request request, int status, String detail) {
    return Arguments.of(Named.of(name, request), status, detail);
  }

  private static Request get(String target) {
    return new Request("GET", target, Map.of(), null);
  }

  private static Request post(String target, String body) {
    return new Request("POST", target, Map.of("Content-Type", "application/json"), body);
  }

  /** A request as sent: the default Authorization is the operator's. */
  record Request(String method, String target, Map<String, String> headers, String body) {

    Request with(String name, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.put(name, value);
      return new Request(method, target, more, body);
    }
  }
}
