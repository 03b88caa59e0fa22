package org.docport.hub.smart;

import java.time.Duration;
import java.util.HashSet;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The registered SMART clients as Spring Authorization Server sees them: confidential clients that
 * authenticate with {@code private_key_jwt} and use the {@code client_credentials} grant only. A
 * revoked client is not found, so its assertions fail as an unknown client's would. Clients are
 * registered through DocPort's API ({@link SmartClients}), never through this repository.
 */
@Component
class RegisteredClients implements RegisteredClientRepository {

  /**
   * SMART Backend Services: "access tokens SHOULD have a valid lifetime no greater than five
   * minutes".
   */
  static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(5);

  private static final String CLIENT = "docport.smart-client";

  private final SmartClients clients;

  RegisteredClients(SmartClients clients) {
    this.clients = clients;
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    throw new UnsupportedOperationException(
        "SMART clients are registered through /api/insurers/{id}/clients");
  }

  @Override
  public RegisteredClient findById(String id) {
    return findByClientId(id);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return clients
        .find(clientId)
        .filter(client -> !client.isRevoked())
        .map(RegisteredClients::registered)
        .orElse(null);
  }

  /** The DocPort client behind a registered client this repository answered. */
  static SmartClient smartClient(RegisteredClient registered) {
    return registered.getClientSettings().getSetting(CLIENT);
  }

  private static RegisteredClient registered(SmartClient client) {
    return RegisteredClient.withId(client.clientId())
        .clientId(client.clientId())
        .clientName(client.name())
        .clientIdIssuedAt(client.createdAt())
        .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scopes(scopes -> scopes.addAll(new HashSet<>(client.scopes())))
        .clientSettings(
            ClientSettings.builder()
                .requireProofKey(false)
                .requireAuthorizationConsent(false)
                // Marks the client as private_key_jwt; AssertionDecoders accepts RS384 and ES384.
                .tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS384)
                .setting(CLIENT, client)
                .build())
        .tokenSettings(
            TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(ACCESS_TOKEN_TTL)
                .build())
        .build();
  }
}
