package org.docport.hub.smart;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.docport.hub.web.ApiException;
import org.docport.hub.web.ApiException.FieldError;
import org.springframework.http.HttpStatus;

/**
 * A client to register: its public keys inline ({@code jwks}) or where it serves them ({@code
 * jwksUrl}), and optionally the scopes it may ask for (default {@value SmartScope#DEFAULT}).
 */
record ClientRegistration(String name, JsonNode jwks, String jwksUrl, List<String> scopes) {

  /**
   * The client to store, once every field holds.
   *
   * @throws ApiException 400 naming each offending field
   */
  SmartClients.NewClient validated(String insurerId, String actor, boolean allowHttpJwksUrls) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode keys = jwks == null || jwks.isNull() ? null : jwks;
    if (name == null || name.isBlank() || name.length() > 200) {
      errors.add(new FieldError("name", "required, at most 200 characters"));
    }
    if ((keys == null) == (jwksUrl == null)) {
      errors.add(
          new FieldError(
              "jwks", "send either jwks (your public keys) or jwksUrl (where they are)"));
    } else if (keys != null) {
      errors.addAll(ClientKeyRules.jwksProblems(keys, "jwks"));
    } else {
      ClientKeyRules.urlProblem(jwksUrl, allowHttpJwksUrls)
          .ifPresent(problem -> errors.add(new FieldError("jwksUrl", problem)));
    }
    List<String> allowed = scopes == null ? List.of(SmartScope.DEFAULT) : scopes;
    if (allowed.isEmpty()) {
      errors.add(new FieldError("scopes", "at least one, e.g. " + SmartScope.DEFAULT));
    }
    for (int i = 0; i < allowed.size(); i++) {
      if (SmartScope.parse(allowed.get(i)).isEmpty()) {
        errors.add(
            new FieldError(
                "scopes[" + i + "]",
                "a read scope: system/<resource type or *>.read, or .rs, .r, .s (SMART v2);"
                    + " or system/Subscription.write (.cud) to subscribe"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid client", "See errors.", errors);
    }
    return new SmartClients.NewClient(
        insurerId,
        name.strip(),
        keys == null ? null : publicJwks(keys),
        jwksUrl == null ? null : URI.create(jwksUrl),
        allowed.stream().distinct().toList(),
        actor);
  }

  /** The set as checked, re-serialised: only the members of public keys are kept. */
  private static String publicJwks(JsonNode jwks) {
    try {
      return JWKSet.parse(jwks.toString()).toString(true);
    } catch (ParseException e) {
      throw new IllegalStateException("a JWK Set that passed the rules does not parse", e);
    }
  }
}
