package org.docport.hub.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.docport.hub.web.WebAppResources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
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
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may call what. Machines (and scripts) sign in with HTTP Basic on every request; people use
 * the web app, whose sign-in ({@link WebSessions}) holds a session behind an HttpOnly cookie, with
 * CSRF tokens on every change it makes. A doctor reaches only their own record (checked per request
 * by the controllers), operators everything. Every password check is throttled and can lock the
 * account ({@link PasswordChecks}). Refusals answer problems ({@link SignInProblems}), as the rest
 * of the API does.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      SignInGuard guard,
      VerifiedCredentialsCache verified,
      SignInProblems problems)
      throws Exception {
    return http.csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfCookie())
                    // The web app reads the cookie and echoes it in X-XSRF-TOKEN; no masking,
                    // as the token is never in a page body a BREACH attack could compress.
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                    .requireCsrfProtectionMatcher(SecurityConfiguration::browserChange))
        // Only the web app's sign-in creates a session (WebSessions); machines stay stateless.
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .headers(
            headers ->
                // The web app frames a doctor's uploaded documents for the reviewing operator;
                // its own pages still refuse every frame (CSP frame-ancestors 'none').
                headers
                    .frameOptions(frame -> frame.sameOrigin())
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            WebAppResources::isWebApp,
                            new ContentSecurityPolicyHeaderWriter(
                                WebAppResources.CONTENT_SECURITY_POLICY))))
        .authenticationManager(basicAuthentication(guard, verified))
        .authorizeHttpRequests(
            auth ->
                // The error page answers for a request these rules already let through or
                // that failed before them; it is never reached directly.
                auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/accounts",
                        "/api/accounts/verification",
                        "/api/accounts/verification/resend",
                        "/api/accounts/unlock",
                        "/api/insurer-applications",
                        "/api/session/second-factor")
                    .permitAll()
                    // Signing in, and an operator enrolling the second factor they must have
                    // before they are signed in: the controllers check the session themselves.
                    .requestMatchers("/api/session")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/me/second-factor")
                    .permitAll()
                    .requestMatchers(HttpMethod.PUT, "/api/me/second-factor")
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
                    .requestMatchers(WebAppResources::isWebApp)
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  /**
   * Whether a request needs a CSRF token: a change a browser could make with its cookies. A request
   * with an {@code Authorization} header carries its own credentials, which a forged cross-site
   * request cannot; one without cookies has no ambient credentials to abuse. Signing in is
   * protected all the same, so no page can sign a visitor in as someone else.
   */
  static boolean browserChange(HttpServletRequest request) {
    String method = request.getMethod();
    if (method.equals("GET")
        || method.equals("HEAD")
        || method.equals("OPTIONS")
        || method.equals("TRACE")
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return false;
    }
    return request.getHeader(HttpHeaders.COOKIE) != null
        || request.getRequestURI().startsWith(request.getContextPath() + "/api/session");
  }

  private static CookieCsrfTokenRepository csrfCookie() {
    CookieCsrfTokenRepository cookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
    cookie.setCookieCustomizer(c -> c.sameSite("Lax"));
    return cookie;
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
  VerifiedCredentialsCache verifiedCredentials(Accounts accounts, PasswordEncoder passwords) {
    var provider = new DaoAuthenticationProvider(accounts);
    provider.setPasswordEncoder(passwords);
    return new VerifiedCredentialsCache(provider);
  }

  /** The web app's password check ({@link WebSessions}), which asks for the second factor next. */
  @Bean
  AuthenticationManager authenticationManager(
      SignInGuard guard, VerifiedCredentialsCache verified) {
    return new ProviderManager(new PasswordChecks(guard, verified, PasswordChecks.Channel.WEB_APP));
  }

  /** HTTP Basic's: a password alone, so never for an account that has a second factor. */
  private static AuthenticationManager basicAuthentication(
      SignInGuard guard, VerifiedCredentialsCache verified) {
    return new ProviderManager(
        new PasswordChecks(guard, verified, PasswordChecks.Channel.HTTP_BASIC));
  }
}
