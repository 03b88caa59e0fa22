package org.docport.hub.security;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.UUID;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Browser sessions, in the database through Spring Session (every replica serves them; an idle one
 * ends after {@code spring.session.timeout}). A session is signed in only once every factor the
 * account needs is proved; until then it holds just whose sign-in is under way.
 */
@Component
class WebSessions {

  /** How far a browser's sign-in has come. */
  enum Stage {
    SIGNED_IN,
    /** The password was right; the second factor is due. */
    SECOND_FACTOR,
    /** An operator without a second factor: enrolling one comes before anything else. */
    ENROL_SECOND_FACTOR
  }

  /** What the web app knows of its user. */
  record SessionView(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String username,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DocPortUser.Role role,
      UUID doctorId,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Stage stage,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean secondFactor,
      String email) {}

  private static final String PENDING = "docport.signIn.secondFactorFor";
  private static final String ENROLLING = "docport.signIn.enrolling";

  private final AuthenticationManager authentication;
  private final Accounts accounts;
  private final SecondFactor secondFactor;
  private final SignInGuard guard;
  private final FindByIndexNameSessionRepository<?> store;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  WebSessions(
      AuthenticationManager authentication,
      Accounts accounts,
      SecondFactor secondFactor,
      SignInGuard guard,
      FindByIndexNameSessionRepository<?> store) {
    this.authentication = authentication;
    this.accounts = accounts;
    this.secondFactor = secondFactor;
    this.guard = guard;
    this.store = store;
  }

  SessionView signIn(
      String login, String password, HttpServletRequest request, HttpServletResponse response) {
    String username = accounts.usernameFor(login);
    try {
      authentication.authenticate(
          UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    } catch (AuthenticationException e) {
      throw SignInRefusals.of(e);
    }
    DocPortUser user = account(username);
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate(); // a new session for a new sign-in: no fixation
    }
    HttpSession session = request.getSession(true);
    session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, username);
    if (secondFactor.enabled(username)) {
      session.setAttribute(PENDING, username);
      return view(user, Stage.SECOND_FACTOR);
    }
    if (user.isOperator()) {
      session.setAttribute(ENROLLING, username);
      return view(user, Stage.ENROL_SECOND_FACTOR);
    }
    return establish(user, request, response);
  }

  SessionView secondFactor(String code, HttpServletRequest request, HttpServletResponse response) {
    String username = attribute(request, PENDING);
    if (username == null) {
      throw new ApiException(
          HttpStatus.UNAUTHORIZED,
          "No sign-in under way",
          "Sign in with your password first; then enter the code.");
    }
    SignInGuard.Standing standing;
    try {
      standing = guard.admit(username).orElseThrow();
    } catch (AuthenticationException e) {
      throw SignInRefusals.of(e);
    }
    if (!secondFactor.verify(username, code)) {
      guard.failed(username);
      throw new ApiException(
          HttpStatus.UNAUTHORIZED,
          "Wrong code",
          "That code is not right, or was used already. Enter the current 6-digit code from your"
              + " authenticator app, or one of your recovery codes.");
    }
    guard.succeeded(username, standing);
    return establish(account(username), request, response);
  }

  /** The account enrolling a second factor: the signed-in one, or an operator made to enrol. */
  String enrollingAccount(HttpServletRequest request, Authentication caller) {
    if (signedIn(caller)) {
      return caller.getName();
    }
    String username = attribute(request, ENROLLING);
    if (username == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "Not signed in", "Sign in first.");
    }
    return username;
  }

  /** After an operator's enrolment: the session they signed in with is now fully signed in. */
  void enrolled(String username, HttpServletRequest request, HttpServletResponse response) {
    if (username.equals(attribute(request, ENROLLING))) {
      establish(account(username), request, response);
    }
  }

  Optional<SessionView> current(HttpServletRequest request, Authentication caller) {
    if (signedIn(caller)) {
      return accounts.find(caller.getName()).map(user -> view(user, Stage.SIGNED_IN));
    }
    String pending = attribute(request, PENDING);
    if (pending != null) {
      return accounts.find(pending).map(user -> view(user, Stage.SECOND_FACTOR));
    }
    String enrolling = attribute(request, ENROLLING);
    if (enrolling != null) {
      return accounts.find(enrolling).map(user -> view(user, Stage.ENROL_SECOND_FACTOR));
    }
    return Optional.empty();
  }

  /** Ends every browser session of the account, on every replica. */
  void endAll(String username) {
    store.findByPrincipalName(username).keySet().forEach(store::deleteById);
  }

  private SessionView establish(
      DocPortUser user, HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession(true);
    session.removeAttribute(PENDING);
    session.removeAttribute(ENROLLING);
    request.changeSessionId();
    // The session keeps who signed in and their role; never the password hash.
    var signedIn =
        new DocPortUser(user.username(), null, user.role(), user.doctorId(), user.insurerId());
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            signedIn, null, signedIn.getAuthorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    return view(user, Stage.SIGNED_IN);
  }

  private SessionView view(DocPortUser user, Stage stage) {
    return new SessionView(
        user.username(),
        user.role(),
        user.doctorId(),
        stage,
        secondFactor.enabled(user.username()),
        accounts.email(user.username()).orElse(null));
  }

  private DocPortUser account(String username) {
    return accounts
        .find(username)
        .orElseThrow(
            () -> new ApiException(HttpStatus.UNAUTHORIZED, "Unknown account", "Sign in again."));
  }

  private static boolean signedIn(Authentication caller) {
    return caller != null
        && caller.isAuthenticated()
        && !(caller instanceof AnonymousAuthenticationToken);
  }

  private static String attribute(HttpServletRequest request, String name) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (String) session.getAttribute(name);
  }
}
