package org.docport.hub.security;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Doctors and operators sign in with HTTP Basic over a stateless API; a doctor
 * reaches only their own record (checked per request by the controllers), operators everything.
 * Refusals answer problems ({@link SignInProblems}), as the rest of the API does.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, AuthenticationManager authentication, SignInProblems problems)
      throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authenticationManager(authentication)
        .authorizeHttpRequests(
            auth ->
                // The error page answers for a request these rules already let through or
                // that failed before them; it is never reached directly.
                auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/accounts", "/api/insurer-applications")
                    .permitAll()
                    // A doctor's calendar feed: its secret URL is the key, as calendar apps expect.
                    .requestMatchers(HttpMethod.GET, "/ical/*")
                    .permitAll()
                    .requestMatchers(
                        "/actuator/health/**",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html")
                    .permitAll()
                    .requestMatchers("/api/operator/**", "/actuator/**")
                    .hasRole("OPERATOR")
                    .requestMatchers("/api/**")
                    .authenticated()
                    .anyRequest()
                    .denyAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  /**
   * No Micrometer observation per security filter, authentication and authorization: every request
   * is already observed once as {@code http.server.requests}, and these took a sixth of a FHIR
   * read's CPU (docs/benchmarks.md). Failed sign-ins and refused tokens are logged and answered as
   * problems, which is where an operator looks.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * Argon2id (the OWASP recommendation) for new hashes; the delegating encoder keeps older formats
   * readable should the default move on.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    String id = "argon2";
    return new DelegatingPasswordEncoder(
        id, Map.of(id, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
  }

  @Bean
  AuthenticationManager authenticationManager(Accounts accounts, PasswordEncoder passwords) {
    var provider = new DaoAuthenticationProvider(accounts);
    provider.setPasswordEncoder(passwords);
    return new ProviderManager(new VerifiedCredentialsCache(provider));
  }
}
