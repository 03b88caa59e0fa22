package org.docport.hub.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The fast path answers every Authorization header exactly as Spring Security's resolver does. */
class BearerTokensTest {

  @Test
  void everyHeaderIsAnsweredAsSpringSecurityAnswersIt() {
    List<String> headers =
        new ArrayList<>(
            List.of(
                "",
                "Bearer",
                "Bearer ",
                "Bearer  abc",
                "Bearer abc",
                "bearer abc",
                "BEARER abc==",
                "Bearer abc=d",
                "Bearer ===",
                "Bearer abc def",
                "Bearer abc\n",
                "Bearer a.b-c_d~e+f/g",
                "Bearer a%2Fb",
                "Bearerabc",
                "Basic dXNlcjpwYXNz",
                "Bearer \u00e9t\u00e9"));
    headers.add("Bearer " + "eyJhbGciOiJSUzM4NCJ9.".repeat(40) + "sig_-");
    for (String header : headers) {
      assertThat(outcome(() -> new BearerTokens().resolve(request(header))))
          .as("Authorization: %s", header)
          .isEqualTo(outcome(() -> new DefaultBearerTokenResolver().resolve(request(header))));
    }
    assertThat(new BearerTokens().resolve(new MockHttpServletRequest())).isNull();
  }

  private static MockHttpServletRequest request(String authorization) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Practitioner/1");
    request.addHeader("Authorization", authorization);
    return request;
  }

  /** The token resolved, or the OAuth2 error code refused with. */
  private static String outcome(Supplier<String> resolve) {
    try {
      return "token:" + resolve.get();
    } catch (OAuth2AuthenticationException e) {
      return "error:" + e.getError().getErrorCode() + " " + e.getError().getDescription();
    }
  }
}
