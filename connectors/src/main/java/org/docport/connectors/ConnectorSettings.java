package org.docport.connectors;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * How DocPort reaches one insurer.
 *
 * @param kind the connector kind; {@code fhir-rest} for now
 * @param baseUrl the insurer's FHIR base URL
 * @param auth how to authenticate; {@code null} means none
 * @param writeMode {@code conditional-update} (the default: {@code PUT Type?identifier=...}) or
 *     {@code search-then-write} for insurers whose servers lack conditional update
 */
public record ConnectorSettings(String kind, String baseUrl, Auth auth, String writeMode) {

  public static final String FHIR_REST = "fhir-rest";
  public static final String CONDITIONAL_UPDATE = "conditional-update";
  public static final String SEARCH_THEN_WRITE = "search-then-write";

  /** The secrets' field names, as {@link #mapSecrets} and {@link #secret} name them. */
  public static final String TOKEN = "auth.token";

  public static final String CLIENT_SECRET = "auth.clientSecret";

  public ConnectorSettings(String kind, String baseUrl, Auth auth) {
    this(kind, baseUrl, auth, null);
  }

  public String writeModeOrDefault() {
    return writeMode == null ? CONDITIONAL_UPDATE : writeMode;
  }

  /**
   * Credentials for the insurer's endpoint.
   *
   * @param type {@code none}, {@code bearer} (a static token) or {@code client-credentials}
   *     (OAuth2: {@code tokenUrl}, {@code clientId}, {@code clientSecret}, optional {@code scope})
   */
  public record Auth(
      String type,
      String token,
      String tokenUrl,
      String clientId,
      String clientSecret,
      String scope) {

    public static Auth none() {
      return new Auth("none", null, null, null, null, null);
    }

    public static Auth bearer(String token) {
      return new Auth("bearer", token, null, null, null, null);
    }
  }

  /**
   * These settings with each secret that is set ({@code auth.token}, {@code auth.clientSecret})
   * replaced by {@code f(field, value)}: to seal, open or mask them.
   */
  public ConnectorSettings mapSecrets(BinaryOperator<String> f) {
    if (auth == null) {
      return this;
    }
    Auth mapped =
        new Auth(
            auth.type(),
            auth.token() == null ? null : f.apply(TOKEN, auth.token()),
            auth.tokenUrl(),
            auth.clientId(),
            auth.clientSecret() == null ? null : f.apply(CLIENT_SECRET, auth.clientSecret()),
            auth.scope());
    return new ConnectorSettings(kind, baseUrl, mapped, writeMode);
  }

  /** The secret {@link #mapSecrets} names {@code field}, or null when it is not set. */
  public String secret(String field) {
    Auth a = authOrNone();
    return switch (field) {
      case TOKEN -> a.token();
      case CLIENT_SECRET -> a.clientSecret();
      default -> throw new IllegalArgumentException("not a secret: " + field);
    };
  }

  public Auth authOrNone() {
    return auth == null ? Auth.none() : auth;
  }

  /** What is wrong with these settings, as {@code field: problem} lines; empty when valid. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!FHIR_REST.equals(kind)) {
      problems.add("kind: must be '" + FHIR_REST + "' (the only connector kind so far)");
    }
    if (!isHttpUrl(baseUrl)) {
      problems.add("baseUrl: must be an http(s) URL such as https://fhir.insurer.example/r4");
    }
    if (!List.of(CONDITIONAL_UPDATE, SEARCH_THEN_WRITE).contains(writeModeOrDefault())) {
      problems.add(
          "writeMode: must be " + CONDITIONAL_UPDATE + " (default) or " + SEARCH_THEN_WRITE);
    }
    Auth a = authOrNone();
    switch (a.type() == null ? "" : a.type()) {
      case "none" -> {}
      case "bearer" -> {
        if (a.token() == null || a.token().isBlank()) {
          problems.add("auth.token: required for bearer authentication");
        }
      }
      case "client-credentials" -> {
        if (!isHttpUrl(a.tokenUrl())) {
          problems.add("auth.tokenUrl: must be an http(s) URL of the OAuth2 token endpoint");
        }
        if (a.clientId() == null || a.clientId().isBlank()) {
          problems.add("auth.clientId: required for client-credentials authentication");
        }
        if (a.clientSecret() == null || a.clientSecret().isBlank()) {
          problems.add("auth.clientSecret: required for client-credentials authentication");
        }
      }
      default -> problems.add("auth.type: must be one of none, bearer, client-credentials");
    }
    return problems;
  }

  private static boolean isHttpUrl(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    try {
      URI uri = URI.create(value);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
