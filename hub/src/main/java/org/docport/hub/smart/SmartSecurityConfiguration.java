package org.docport.hub.smart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2ClientAuthenticationConfigurer;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2TokenEndpointConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * SMART Backend Services, wired: the token endpoint (Spring Authorization Server, narrowed to
 * {@code client_credentials} with {@code private_key_jwt}) and the FHIR API as a resource server
 * that requires the hub's access tokens. Both chains come before the API's HTTP Basic chain, which
 * keeps everything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmartSettings.class)
class SmartSecurityConfiguration {

  private static final PathPatternRequestMatcher.Builder PATHS =
      PathPatternRequestMatcher.withDefaults();

  /** What anyone may read under /fhir: the capability statement and the SMART configuration. */
  private static final RequestMatcher PUBLIC_FHIR =
      new OrRequestMatcher(PATHS.matcher("/fhir/metadata"), PATHS.matcher("/fhir/.well-known/**"));

  /** The hub's signing keys: used for access tokens and published at the JWK Set endpoint. */
  @Bean
  JWKSource<SecurityContext> hubJwkSource(HubSigningKeys keys) {
    return new ImmutableJWKSet<>(keys.keys());
  }

  /** The FHIR API's access-token decoder (also keeps Spring Boot from making one). */
  @Bean
  JwtDecoder accessTokenDecoder(HubSigningKeys keys, SmartClients clients) {
    return AccessTokens.decoder(keys, clients);
  }

  @Bean
  @Order(1)
  SecurityFilterChain smartTokenEndpoint(
      HttpSecurity http,
      AuthorizationServerSettings endpoints,
      RegisteredClients clients,
      AssertionDecoders assertions,
      JWKSource<SecurityContext> hubJwkSource,
      HubSigningKeys keys,
      PublicUrls urls)
      throws Exception {
    NoStoredAuthorizations authorizations = new NoStoredAuthorizations();
    JwtGenerator tokens = new JwtGenerator(new NimbusJwtEncoder(hubJwkSource));
    tokens.setJwtCustomizer(new AccessTokenClaims(keys, urls));
    TokenEndpointErrors errors = new TokenEndpointErrors();
    ScopeGrant grant =
        new ScopeGrant(new OAuth2ClientCredentialsAuthenticationProvider(authorizations, tokens));
    http.securityMatcher(
            new OrRequestMatcher(
                PATHS.matcher(HttpMethod.POST, endpoints.getTokenEndpoint()),
                PATHS.matcher(HttpMethod.GET, endpoints.getJwkSetEndpoint())))
        .with(
            OAuth2AuthorizationServerConfigurer.authorizationServer(),
            server ->
                server
                    .registeredClientRepository(clients)
                    .authorizationService(authorizations)
                    .authorizationServerSettings(endpoints)
                    .tokenGenerator(tokens)
                    .clientAuthentication(client -> assertionsOnly(client, assertions, errors))
                    .tokenEndpoint(token -> clientCredentialsOnly(token, grant)))
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(errors));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain smartFhir(HttpSecurity http, JwtDecoder accessTokenDecoder, ObjectMapper json)
      throws Exception {
    FhirAuthProblems problems = new FhirAuthProblems(json);
    http.securityMatcher(PATHS.matcher("/fhir/**"))
        .authorizeHttpRequests(
            auth -> auth.requestMatchers(PUBLIC_FHIR).permitAll().anyRequest().authenticated())
        .oauth2ResourceServer(
            resource ->
                resource
                    .bearerTokenResolver(tokensExceptOnPublicPaths())
                    .jwt(
                        jwt ->
                            jwt.decoder(accessTokenDecoder)
                                .jwtAuthenticationConverter(AccessTokens.authentication()))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  ServletRegistrationBean<SmartConfigurationServlet> smartConfiguration(
      PublicUrls urls, ObjectMapper json) {
    ServletRegistrationBean<SmartConfigurationServlet> registration =
        new ServletRegistrationBean<>(
            new SmartConfigurationServlet(urls, json), SmartConfigurationServlet.PATH);
    registration.setName("smartConfiguration");
    return registration;
  }

  /** A stale token sent to a public document does not turn it into a 401. */
  private static BearerTokenResolver tokensExceptOnPublicPaths() {
    BearerTokenResolver tokens = new BearerTokens();
    return request -> PUBLIC_FHIR.matches(request) ? null : tokens.resolve(request);
  }

  /**
   * Client authentication by signed assertion ({@code private_key_jwt}) only, verified by {@link
   * AssertionDecoders}: no client secrets, certificates or public clients.
   */
  private static void assertionsOnly(
      OAuth2ClientAuthenticationConfigurer client,
      AssertionDecoders assertions,
      TokenEndpointErrors errors) {
    client
        .authenticationConverters(
            converters -> {
              converters.clear();
              converters.add(new AssertionConverter());
            })
        .authenticationProviders(
            providers -> {
              providers.removeIf(p -> !(p instanceof JwtClientAssertionAuthenticationProvider));
              providers.forEach(
                  p ->
                      ((JwtClientAssertionAuthenticationProvider) p)
                          .setJwtDecoderFactory(assertions));
            })
        .errorResponseHandler(errors);
  }

  /**
   * The {@code client_credentials} grant only, its scopes decided by {@link ScopeGrant}: any other
   * {@code grant_type} finds no converter and is answered {@code unsupported_grant_type}.
   */
  private static void clientCredentialsOnly(OAuth2TokenEndpointConfigurer token, ScopeGrant grant) {
    token
        .accessTokenRequestConverters(
            converters ->
                converters.removeIf(
                    c -> !(c instanceof OAuth2ClientCredentialsAuthenticationConverter)))
        .authenticationProviders(
            providers -> {
              providers.clear();
              providers.add(grant);
            });
  }
}
