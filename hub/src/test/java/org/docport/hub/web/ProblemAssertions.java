package org.docport.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.docport.testkit.HubClient;

/** What every refusal must look like to a client, whoever refused the request. */
final class ProblemAssertions {

  private ProblemAssertions() {}

  /**
   * Asserts an {@code application/problem+json} answer of {@code status} with a title and a detail,
   * and nothing of the code behind it (a Java class or package, an HTML page); answers the problem.
   */
  static JsonNode assertProblem(RawHttp.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body())
        .doesNotContain("org.docport", "java.", "com.fasterxml", "<html", "`");
    JsonNode problem = read(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    return problem;
  }

  private static JsonNode read(String body) {
    try {
      return HubClient.json().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
