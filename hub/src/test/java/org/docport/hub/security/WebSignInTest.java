package org.docport.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docport.hub.HubTest;
import org.docport.hub.SampleDoctors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Signing in to the web app: registration, verification, sessions, CSRF and the second factor. */
class WebSignInTest extends HubTest {

  private static final String PASSWORD = "a long enough password";
  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;

  @Test
  void aDoctorRegistersVerifiesTheAddressAndSignsIn() {
    String email = newEmail();
    Browser browser = browser();
    browser.get("/api/session").expect(401);
    assertThat(browser.cookie("XSRF-TOKEN")).as("the CSRF cookie the app echoes").isNotNull();

    browser.post("/api/accounts", Map.of("email", email, "password", PASSWORD)).expect(201);
    var unverified = browser.post("/api/session", signIn(email, PASSWORD));
    assertThat(unverified.status()).isEqualTo(403);
    assertThat(unverified.title()).isEqualTo("Email not verified");
    assertThat(browser.post("/api/session", signIn(email, "not the password")).title())
        .as("a wrong password says nothing of verification")
        .isEqualTo("Sign-in failed");

    String token = linkToken(email, "/verify-email");
    browser.post("/api/accounts/verification", Map.of("token", token)).expect(200);
    assertThat(browser.post("/api/accounts/verification", Map.of("token", token)).status())
        .as("a link works once")
        .isEqualTo(410);

    var session = browser.post("/api/session", signIn(email.toUpperCase(Locale.ROOT), PASSWORD));
    session.expect(200);
    assertThat(session.body().path("stage").asText()).isEqualTo("SIGNED_IN");
    assertThat(browser.cookie("DOCPORT_SESSION").isHttpOnly()).isTrue();
    String doctor =
        browser
            .post("/api/doctors", SampleDoctors.profile("Webb"))
            .expect(201)
            .body()
            .path("id")
            .asText();
    assertThat(browser.get("/api/session").expect(200).body().path("doctorId").asText())
        .isEqualTo(doctor);
    assertThat(browser.get("/api/doctors/" + doctor).status()).isEqualTo(200);

    browser.delete("/api/session").expect(204);
    assertThat(browser.get("/api/doctors/" + doctor).status()).isEqualTo(401);
  }

  @Test
  void aChangeWithoutTheCsrfTokenIsRefusedEvenWithAValidSession() {
    String email = verifiedDoctor();
    Browser browser = browser();
    browser.get("/api/session");
    browser.post("/api/session", signIn(email, PASSWORD)).expect(200);

    var forged = browser.withoutCsrfToken().post("/api/doctors", SampleDoctors.profile("Forged"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.title()).isEqualTo("CSRF token missing or invalid");
    assertThat(forged.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void thirtyWrongPasswordsSlowThenLockTheAccountForHttpBasicTooUntilTheOwnerUnlocksIt() {
    String email = verifiedDoctor();
    List<Integer> answers = new ArrayList<>();
    boolean sawWait = false;
    for (int i = 0; i < 30; i++) {
      var answer = basic(email, "wrong password " + i).get("/api/session");
      if (answer.status() == 429) {
        sawWait = true;
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        rewindWait(email); // as if the Retry-After had been waited out
        answer = basic(email, "wrong password " + i).get("/api/session");
      }
      answers.add(answer.status());
    }
    assertThat(sawWait).as("failures past the first five make the account wait").isTrue();
    assertThat(answers).containsOnly(401);
    var right = basic(email, PASSWORD).get("/api/session");
    assertThat(right.status()).isEqualTo(401);
    assertThat(right.title()).isEqualTo("Account locked");
    assertThat(browserSignIn(email, PASSWORD).title())
        .as("the web app's sign-in is the same check")
        .isEqualTo("Account locked");

    String unlock = linkToken(email, "/unlock");
    browser().post("/api/accounts/unlock", Map.of("token", unlock)).expect(200);
    assertThat(basic(email, PASSWORD).get("/api/session").status()).isEqualTo(200);
  }

  @Test
  void waitingIsDemandedOnlyAfterFiveFailuresAndTheRightPasswordThenClearsTheCount() {
    String email = verifiedDoctor();
    for (int i = 0; i < SignInGuard.FREE_FAILURES; i++) {
      assertThat(basic(email, "typo " + i).get("/api/session").status()).isEqualTo(401);
    }
    var early = basic(email, PASSWORD).get("/api/session");
    assertThat(early.status()).as("even the right password waits").isEqualTo(429);
    assertThat(early.headers().firstValue("Retry-After")).hasValue("1");
    rewindWait(email);
    assertThat(basic(email, PASSWORD).get("/api/session").status()).isEqualTo(200);
    assertThat(basic(email, "one more typo").get("/api/session").status())
        .as("the count starts again")
        .isEqualTo(401);
    assertThat(basic(email, PASSWORD).get("/api/session").status()).isEqualTo(200);
  }

  @Test
  void anOperatorUnlocksALockedAccount() {
    String email = verifiedDoctor();
    jdbc.update("update account set locked_at = now() where username = ?", email);
    assertThat(basic(email, PASSWORD).get("/api/session").status()).isEqualTo(401);
    operator().post("/api/operator/accounts/" + email + "/unlock", Map.of()).expect(204);
    assertThat(basic(email, PASSWORD).get("/api/session").status()).isEqualTo(200);
    assertThat(operator().post("/api/operator/accounts/nobody-here/unlock", Map.of()).status())
        .isEqualTo(404);
  }

  @Test
  void withASecondFactorThePasswordAloneSignsNobodyIn() throws Exception {
    String email = verifiedDoctor();
    Browser phone = browser();
    phone.get("/api/session");
    phone.post("/api/session", signIn(email, PASSWORD)).expect(200);
    var enrolment = phone.post("/api/me/second-factor", Map.of()).expect(200).body();
    assertThat(enrolment.path("otpauthUri").asText()).startsWith("otpauth://totp/DocPort:");
    assertThat(enrolment.path("qrCode").asText()).startsWith("data:image/svg+xml;base64,");
    String secret = enrolment.path("secret").asText();
    assertThat(phone.put("/api/me/second-factor", Map.of("code", "000000")).status())
        .isEqualTo(400);
    String first = AuthenticatorApp.code(secret, 0);
    var codes = phone.put("/api/me/second-factor", Map.of("code", first)).expect(200).body();
    assertThat(codes.path("recoveryCodes")).hasSize(SecondFactor.RECOVERY_CODES);
    String recovery = codes.path("recoveryCodes").get(0).asText();
    phone.delete("/api/session").expect(204);

    Browser laptop = browser();
    laptop.get("/api/session");
    var halfway = laptop.post("/api/session", signIn(email, PASSWORD)).expect(200).body();
    assertThat(halfway.path("stage").asText()).isEqualTo("SECOND_FACTOR");
    assertThat(laptop.get("/api/doctors/" + UUID.randomUUID()).status())
        .as("nothing but the code screen before the second factor")
        .isEqualTo(401);
    assertThat(laptop.post("/api/session/second-factor", Map.of("code", first)).title())
        .as("the enrolment's code is used up")
        .isEqualTo("Wrong code");
    var done =
        laptop
            .post("/api/session/second-factor", Map.of("code", AuthenticatorApp.code(secret, 1)))
            .expect(200);
    assertThat(done.body().path("stage").asText()).isEqualTo("SIGNED_IN");

    Browser lostPhone = browser();
    lostPhone.get("/api/session");
    lostPhone.post("/api/session", signIn(email, PASSWORD)).expect(200);
    lostPhone.post("/api/session/second-factor", Map.of("code", recovery)).expect(200);
    Browser again = browser();
    again.get("/api/session");
    again.post("/api/session", signIn(email, PASSWORD)).expect(200);
    assertThat(again.post("/api/session/second-factor", Map.of("code", recovery)).status())
        .as("a recovery code works once")
        .isEqualTo(401);
    assertThat(basic(email, PASSWORD).get("/api/session").title())
        .as("HTTP Basic carries the password alone, so it cannot open the account")
        .isEqualTo("Two-step sign-in required");
  }

  @Test
  void anOperatorMustEnrolASecondFactorBeforeUsingTheConsole() throws Exception {
    String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.create(username, PASSWORD, DocPortUser.Role.OPERATOR);
    Browser browser = browser();
    browser.get("/api/session");
    var session = browser.post("/api/session", signIn(username, PASSWORD)).expect(200).body();
    assertThat(session.path("stage").asText()).isEqualTo("ENROL_SECOND_FACTOR");
    assertThat(browser.get("/api/operator/insurers").status()).isEqualTo(401);

    String secret =
        browser.post("/api/me/second-factor", Map.of()).expect(200).body().path("secret").asText();
    browser
        .put("/api/me/second-factor", Map.of("code", AuthenticatorApp.code(secret, 0)))
        .expect(200);
    assertThat(browser.get("/api/operator/insurers").status()).isEqualTo(200);
    assertThat(
            browser
                .delete("/api/me/second-factor", Map.of("code", AuthenticatorApp.code(secret, 1)))
                .status())
        .as("operators keep their second factor")
        .isEqualTo(409);
  }

  @Test
  void nobodyTouchesASecondFactorWithoutSigningIn() {
    Browser stranger = browser();
    stranger.get("/api/session");
    assertThat(stranger.post("/api/me/second-factor", Map.of()).status()).isEqualTo(401);
    assertThat(stranger.put("/api/me/second-factor", Map.of("code", "123456")).status())
        .isEqualTo(401);
    assertThat(stranger.delete("/api/me/second-factor", Map.of("code", "123456")).status())
        .isEqualTo(401);
    assertThat(stranger.post("/api/me/recovery-codes", Map.of("code", "123456")).status())
        .isEqualTo(401);
    assertThat(stranger.post("/api/session/second-factor", Map.of("code", "123456")).title())
        .isEqualTo("No sign-in under way");
  }

  @Test
  void signingOutEverywhereEndsEverySessionOfTheAccount() {
    String email = verifiedDoctor();
    Browser first = signedIn(email);
    Browser second = signedIn(email);
    Browser otherAccount = signedIn(verifiedDoctor());

    second.delete("/api/sessions").expect(204);

    assertThat(first.get("/api/session").status()).isEqualTo(401);
    assertThat(second.get("/api/session").status()).isEqualTo(401);
    assertThat(otherAccount.get("/api/session").status()).isEqualTo(200);
  }

  @Test
  void badRegistrationsSayWhatToFix() {
    Browser browser = browser();
    browser.get("/api/session");
    var bad = browser.post("/api/accounts", Map.of("email", "not-an-address", "password", "short"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().findValuesAsText("field")).containsExactlyInAnyOrder("email", "password");
    String email = verifiedDoctor();
    assertThat(browser.post("/api/accounts", Map.of("email", email, "password", PASSWORD)).status())
        .isEqualTo(409);
    browser
        .post("/api/accounts/verification/resend", Map.of("email", "nobody@example.org"))
        .expect(202);
  }

  // --- helpers

  private Browser browser() {
    return new Browser("http://localhost:" + port);
  }

  private Browser signedIn(String email) {
    Browser browser = browser();
    browser.get("/api/session");
    browser.post("/api/session", signIn(email, PASSWORD)).expect(200);
    return browser;
  }

  private Browser.Answer browserSignIn(String login, String password) {
    Browser browser = browser();
    browser.get("/api/session");
    return browser.post("/api/session", signIn(login, password));
  }

  private static Map<String, String> signIn(String login, String password) {
    return Map.of("username", login, "password", password);
  }

  /** A doctor account whose address an operator created verified. */
  private String verifiedDoctor() {
    String email = newEmail();
    operator().post("/api/accounts", Map.of("email", email, "password", PASSWORD)).expect(201);
    return email;
  }

  private static String newEmail() {
    return "dr-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  /** A machine's HTTP Basic client (no CSRF token, no web app header). */
  private Browser basic(String username, String password) {
    return Browser.basic("http://localhost:" + port, username, password);
  }

  private void rewindWait(String username) {
    jdbc.update(
        "update account set next_sign_in_at = now() - interval '1 second' where username = ?",
        username);
  }

  private static String linkToken(String email, String path) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              List<MimeMessage> mails = new ArrayList<>(mailsTo(email));
              java.util.Collections.reverse(mails);
              for (MimeMessage mail : mails) {
                Matcher token = TOKEN.matcher(String.valueOf(mail.getContent()));
                if (String.valueOf(mail.getContent()).contains(path + "?token=") && token.find()) {
                  return token.group(1);
                }
              }
              return null;
            },
            t -> t != null);
  }
}
