package org.docport.hub.smart;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a token request's client assertion ({@code client_assertion_type} {@value #JWT_BEARER}).
 *
 * <p>Spring Authorization Server's own converter requires a {@code client_id} parameter, which RFC
 * 7523 makes optional and SMART Backend Services clients do not send: without one, the client is
 * named by the assertion's {@code iss}. That value is only which client to look up; the assertion
 * is then verified against that client's keys, and must also carry it as {@code sub}.
 */
final class AssertionConverter implements AuthenticationConverter {

  static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private static final ClientAuthenticationMethod METHOD =
      new ClientAuthenticationMethod(JWT_BEARER);

  @Override
  public Authentication convert(HttpServletRequest request) {
    String type = single(request, OAuth2ParameterNames.CLIENT_ASSERTION_TYPE);
    String assertion = single(request, OAuth2ParameterNames.CLIENT_ASSERTION);
    if (type == null && assertion == null) {
      return null;
    }
    if (!JWT_BEARER.equals(type) || assertion == null) {
      throw invalid(
          OAuth2ErrorCodes.INVALID_CLIENT,
          "send client_assertion_type=" + JWT_BEARER + " with a client_assertion");
    }
    String clientId = single(request, OAuth2ParameterNames.CLIENT_ID);
    if (clientId == null) {
      clientId = issuer(assertion);
    }
    return new OAuth2ClientAuthenticationToken(clientId, METHOD, assertion, Map.of());
  }

  private static String issuer(String assertion) {
    try {
      String iss = JWTParser.parse(assertion).getJWTClaimsSet().getIssuer();
      if (iss != null && !iss.isBlank()) {
        return iss;
      }
    } catch (ParseException e) {
      throw invalid(OAuth2ErrorCodes.INVALID_CLIENT, "client_assertion is not a JWT");
    }
    throw invalid(OAuth2ErrorCodes.INVALID_CLIENT, "the client_assertion has no iss (client id)");
  }

  /** A form parameter sent at most once; credentials in the query string are not read. */
  private static String single(HttpServletRequest request, String name) {
    String query = request.getQueryString();
    String[] values =
        query != null && query.contains(name) ? null : request.getParameterValues(name);
    if (values == null || values.length == 0 || values[0].isBlank()) {
      return null;
    }
    if (values.length > 1) {
      throw invalid(OAuth2ErrorCodes.INVALID_REQUEST, name + " must be sent once");
    }
    return values[0];
  }

  private static OAuth2AuthenticationException invalid(String code, String description) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
  }
}
