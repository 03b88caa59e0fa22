package org.docport.hub.smart;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.docport.hub.web.ApiException.FieldError;

/**
 * What a client's public keys must be: the keys SMART Backend Services clients sign with (RS384
 * with an RSA key of at least 2048 bits, ES384 with a P-384 key), public halves only, each named by
 * a unique {@code kid}. Keys registered inline are checked at registration; keys fetched from a
 * client's JWKS URL are held to the same rules when used, and a key that breaks them is not used.
 */
final class ClientKeyRules {

  static final int MAX_KEYS = 20;
  static final int MIN_RSA_BITS = 2048;

  /** JWK members that carry private or symmetric key material (RFC 7518 §6.2.2, §6.3.2, §6.4). */
  private static final List<String> PRIVATE_MEMBERS =
      List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

  private ClientKeyRules() {}

  /** The problems of an inline JWK Set, each naming its field under {@code field}. */
  static List<FieldError> jwksProblems(JsonNode jwks, String field) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode keys = jwks == null ? null : jwks.get("keys");
    if (jwks == null || !jwks.isObject() || keys == null || !keys.isArray() || keys.isEmpty()) {
      errors.add(new FieldError(field, "a JWK Set: {\"keys\": [ ...public keys... ]}"));
      return errors;
    }
    if (keys.size() > MAX_KEYS) {
      errors.add(new FieldError(field + ".keys", "at most " + MAX_KEYS + " keys"));
      return errors;
    }
    Set<String> kids = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      String at = field + ".keys[" + i + "]";
      JsonNode key = keys.get(i);
      Optional<String> secret =
          PRIVATE_MEMBERS.stream().filter(m -> key.isObject() && key.has(m)).findFirst();
      if (secret.isPresent()) {
        errors.add(
            new FieldError(
                at,
                "holds private key material ('"
                    + secret.get()
                    + "'): register the public key only, and keep the private key to yourself"));
        continue;
      }
      Optional<String> problem = keyProblem(key.toString());
      if (problem.isPresent()) {
        errors.add(new FieldError(at, problem.get()));
        continue;
      }
      if (!kids.add(key.get("kid").asText())) {
        errors.add(new FieldError(at + ".kid", "each key needs its own kid"));
      }
    }
    return errors;
  }

  /** The keys of a set that follow the rules; the others are not used to verify anything. */
  static List<JWK> usable(JWKSet set) {
    return set.getKeys().stream()
        .filter(k -> keyProblem(k.toJSONString()).isEmpty() && !k.isPrivate())
        .toList();
  }

  /** Why a single public JWK cannot authenticate a client, if it cannot. */
  static Optional<String> keyProblem(String json) {
    JWK key;
    try {
      key = JWK.parse(json);
    } catch (ParseException e) {
      return Optional.of("not a JWK: " + e.getMessage());
    }
    if (key.getKeyID() == null || key.getKeyID().isBlank()) {
      return Optional.of("kid: required, the key's name in your assertions' header");
    }
    if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
      return Optional.of("use: must be \"sig\" (or absent)");
    }
    if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.VERIFY)) {
      return Optional.of("key_ops: must include \"verify\" (or be absent)");
    }
    if (KeyType.RSA.equals(key.getKeyType())) {
      return rsaProblem((RSAKey) key);
    }
    if (KeyType.EC.equals(key.getKeyType())) {
      return ecProblem((ECKey) key);
    }
    return Optional.of("kty: must be RSA (for RS384) or EC (P-384, for ES384)");
  }

  private static Optional<String> rsaProblem(RSAKey key) {
    if (key.size() < MIN_RSA_BITS) {
      return Optional.of(
          "an RSA key of " + key.size() + " bits: at least " + MIN_RSA_BITS + " are required");
    }
    if (key.getAlgorithm() != null && !JWSAlgorithm.RS384.equals(key.getAlgorithm())) {
      return Optional.of("alg: an RSA key signs RS384 here (or leave alg out)");
    }
    return Optional.empty();
  }

  private static Optional<String> ecProblem(ECKey key) {
    if (!Curve.P_384.equals(key.getCurve())) {
      return Optional.of("crv: must be P-384 (for ES384), not " + key.getCurve());
    }
    if (key.getAlgorithm() != null && !JWSAlgorithm.ES384.equals(key.getAlgorithm())) {
      return Optional.of("alg: a P-384 key signs ES384 here (or leave alg out)");
    }
    return Optional.empty();
  }

  /** The problem of a JWKS URL, if any: absolute, HTTPS (HTTP only where allowed), no userinfo. */
  static Optional<String> urlProblem(String url, boolean allowHttp) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    boolean allowed = scheme.equals("https") || (allowHttp && scheme.equals("http"));
    if (!allowed || uri.getHost() == null) {
      return Optional.of("an absolute https:// URL where your JWK Set is served");
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      return Optional.of("a URL without user info or fragment");
    }
    if (url.length() > 2000) {
      return Optional.of("at most 2000 characters");
    }
    return Optional.empty();
  }
}
