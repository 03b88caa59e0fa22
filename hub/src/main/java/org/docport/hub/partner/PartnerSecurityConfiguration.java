package org.docport.hub.partner;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.time.Clock;
import org.docport.hub.web.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The partner API's own filter chain, for {@code /api/partner/**} only: every request is signed
 * ({@link SignatureFilter}) and idempotent by its id ({@link IdempotencyFilter}); no session, no
 * cookies, no CSRF token (a signature is no ambient credential a forged request could carry). It
 * comes after the SMART chains and before the API's HTTP Basic chain, which keeps everything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnerSettings.class)
@SecurityScheme(
    name = PartnerSecurityConfiguration.SIGNATURE,
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    paramName = "webhook-signature",
    description =
        "Every request is signed as Standard Webhooks describes, with a key DocPort's operators"
            + " issue (whsec_…): headers webhook-id (unique per request; a repeat of the same"
            + " request with the same id gets the first answer), webhook-timestamp (seconds since"
            + " 1970, within 5 minutes of DocPort's clock) and webhook-signature ('v1,' and the"
            + " base64 HMAC-SHA256 of webhook-id.webhook-timestamp.body under the key's bytes).")
class PartnerSecurityConfiguration {

  /** The signature's name in the API description. */
  static final String SIGNATURE = "partnerSignature";

  @Bean
  @Order(3)
  SecurityFilterChain partnerApi(
      HttpSecurity http,
      PartnerKeys keys,
      PartnerRequests requests,
      PartnerSettings settings,
      Problems problems)
      throws Exception {
    RequestSignatures signatures =
        new RequestSignatures(keys, settings.timestampTolerance(), Clock.systemUTC());
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/partner/**"))
        .addFilterBefore(
            new SignatureFilter(signatures, problems), ExceptionTranslationFilter.class)
        .addFilterBefore(
            new IdempotencyFilter(requests, settings, problems), AuthorizationFilter.class)
        .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("PARTNER"))
        // Unreachable while the SignatureFilter answers every unsigned request itself.
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, refused) ->
                            problems.write(
                                request,
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "Signature refused",
                                "Sign the request as Standard Webhooks describes."))
                    .accessDeniedHandler(
                        (request, response, denied) ->
                            problems.write(
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                "Forbidden",
                                "The partner API is for insurers' signed requests.")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> anonymous.disable())
        .csrf(csrf -> csrf.disable());
    return http.build();
  }
}
