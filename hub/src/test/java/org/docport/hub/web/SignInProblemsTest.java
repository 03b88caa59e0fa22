package org.docport.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.docport.hub.web.ProblemAssertions.assertProblem;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.docport.hub.HubTest;
import org.junit.jupiter.api.Test;

/**
 * The security rules refuse with problems, as the rest of the API does, and 401 still challenges.
 */
class SignInProblemsTest extends HubTest {

  private static final String DOCTOR_PASSWORD = "correct horse battery";

  @Test
  void withoutValidCredentialsTheAnswerIsAProblemThatStillChallenges() {
    RawHttp http = new RawHttp(port);
    String doctor = "/api/doctors/" + createDoctor("Signin");
    Map<String, String> wrong = Map.of("Authorization", RawHttp.basic("operator", "not it"));
    Map<String, String> garbled = Map.of("Authorization", "Basic ???");

    for (RawHttp.Response response :
        List.of(
            http.get(doctor, Map.of()),
            http.get(doctor, wrong),
            http.get(doctor, garbled),
            http.get("/api/anything-else", Map.of()))) {
      assertProblem(response, 401);
      assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=");
    }
    assertThat(assertProblem(http.get(doctor, Map.of()), 401).get("title").asText())
        .isEqualTo("Sign-in required");
    assertThat(assertProblem(http.get(doctor, wrong), 401).get("detail").asText())
        .contains("username or password is wrong");
  }

  @Test
  void aDoctorRefusedAnOperatorEndpointOrAnotherRecordGetsAProblem() {
    RawHttp http = new RawHttp(port);
    String username = "dr-" + UUID.randomUUID().toString().substring(0, 8);
    operator()
        .post("/api/accounts", Map.of("username", username, "password", DOCTOR_PASSWORD))
        .expect(201);
    Map<String, String> doctor = Map.of("Authorization", RawHttp.basic(username, DOCTOR_PASSWORD));
    String other = "/api/doctors/" + createDoctor("Elsewhere");

    assertThat(
            assertProblem(http.get("/api/operator/insurers", doctor), 403).get("detail").asText())
        .contains("operator account");
    assertProblem(http.get("/actuator/prometheus", doctor), 403);
    assertThat(assertProblem(http.get(other, doctor), 403).get("title").asText())
        .isEqualTo("Not your record");
  }
}
