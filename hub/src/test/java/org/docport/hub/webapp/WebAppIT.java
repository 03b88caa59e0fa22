package org.docport.hub.webapp;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docport.hub.security.AuthenticatorApp;
import org.docport.testkit.HubClient;
import org.docport.testkit.HubProcess;
import org.docport.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The doctor's web app in a real browser against the packaged hub: a doctor registers, confirms the
 * address from the e-mail, signs in, turns on two-step sign-in, and signs in again with a code.
 * Every screen on the way is checked with axe-core at desktop and phone width and photographed into
 * {@code docs/screenshots}.
 */
class WebAppIT {

  private static final String OPERATOR_PASSWORD = "web-app-it-operator";
  private static final String PASSWORD = "correct horse battery staple";
  private static final Pattern LINK = Pattern.compile("(http://\\S+/verify-email\\?token=\\S+)");

  @Test
  void aDoctorRegistersSignsInWithTwoStepsAndIsOnboarded() throws Exception {
    Path log = Files.createTempFile("hub-web-app-it", ".log");
    int port = HubProcess.freePort();
    GreenMail mail = new GreenMail(new ServerSetup(HubProcess.freePort(), "127.0.0.1", "smtp"));
    mail.start();
    try (TestDatabase db = TestDatabase.start();
        HubProcess hub =
            HubProcess.packaged(db, OPERATOR_PASSWORD)
                .with("SPRING_MAIL_HOST", "127.0.0.1")
                .with("SPRING_MAIL_PORT", String.valueOf(mail.getSmtp().getPort()))
                .start(port, log);
        RealBrowser browser =
            new RealBrowser(
                hub.baseUrl(),
                Path.of(System.getProperty("docport.screenshots.dir", "target/screenshots")),
                Path.of("frontend/node_modules/axe-core/axe.min.js"))) {
      try {
        walk(browser, hub, mail);
      } catch (Throwable failure) {
        browser.keepEvidence(Path.of("target", "web-app-it"));
        throw failure;
      }
    } finally {
      mail.stop();
    }
  }

  private static void walk(RealBrowser browser, HubProcess hub, GreenMail mail) throws Exception {
    String email = "asha.rao@example.org";

    browser.open("/");
    browser.seeHeading("Sign in");
    browser.checkAndPhotograph("sign-in");
    browser.press("Create an account");
    browser.seeHeading("Create your DocPort account");
    browser.fill("Email", email);
    browser.fill("Password", PASSWORD);
    browser.fill("Confirm password", PASSWORD);
    browser.checkAndPhotograph("register");
    browser.press("Create account");
    browser.seeHeading("Check your email");

    browser.open(verificationLink(mail, email));
    browser.seeHeading("Email confirmed");
    browser.checkAndPhotograph("email-confirmed");

    browser.open("/sign-in");
    signIn(browser, email);
    browser.seeHeading("Welcome to DocPort");
    browser.checkAndPhotograph("home");

    browser.open("/security");
    browser.seeHeading("Account security");
    browser.press("Set up two-step sign-in");
    browser.seeHeading("Turn on two-step sign-in");
    String secret = browser.text(By.cssSelector(".secret__value code")).replace(" ", "");
    browser.checkAndPhotograph("two-step-setup");
    String first = AuthenticatorApp.code(secret, 0);
    browser.fill("Authentication code", first);
    browser.press("Turn on two-step sign-in");
    browser.seeHeading("Save your recovery codes");
    browser.checkAndPhotograph("recovery-codes");
    browser.press("I have saved my recovery codes");
    browser.seeHeading("Account security");
    browser.see("Two-step sign-in is on");
    browser.checkAndPhotograph("security");

    browser.press("Sign out");
    browser.seeHeading("Sign in");
    signIn(browser, email);
    browser.seeHeading("Two-step sign-in");
    browser.checkAndPhotograph("second-factor");
    browser.fill(
        "Authentication code", AuthenticatorApp.code(secret, 1)); // the first code is used up
    browser.press("Verify");
    browser.seeHeading("Welcome to DocPort");

    browser.press("Create your profile");
    browser.seeHeading("Create your profile");
    browser.fill("Given names", "Asha");
    browser.fill("Family name", "Rao");
    browser.fill("Number", "KA-20261207");
    browser.fill("Issued by", "Karnataka Medical Council");
    browser.fill("Register address (URI)", "https://nmc.org.in/registration");
    browser.fill("Region", "IN-KA");
    browser.fillDate("Valid from", LocalDate.of(2015, 4, 1));
    browser.fillDate("Valid until", LocalDate.now().plusYears(3));
    browser.pick("Add a specialty", "Family Medicine", "Family Medicine Physician 207Q00000X");
    browser.see("(207Q00000X)");
    browser.tick("English");
    browser.fill("Name of the practice", "Rao Family Clinic");
    browser.fill("City", "Bengaluru");
    browser.fill("Practice phone", "+91 80 4000 1001");
    browser.checkAndPhotograph("profile-create");
    browser.press("Create profile");

    browser.seeHeading("Onboarding");
    browser.see("Not submitted yet");
    Path licence = pdf("licence");
    browser.choose("Choose your medical licence file", licence);
    browser.see("Medical licence uploaded.");
    browser.choose("Choose your degree certificate file", pdf("degree"));
    browser.see("Degree certificate uploaded.");
    browser.press("Submit for review");
    browser.see("In review");
    browser.checkAndPhotograph("onboarding-in-review");

    // The operator console is not built yet: the operator approves through the REST API.
    HubClient operator = new HubClient(hub.baseUrl(), "operator", OPERATOR_PASSWORD);
    String doctor = awaitInReview(operator, "Rao");
    operator
        .post("/api/operator/onboarding/" + doctor + "/review", Map.of("approved", true))
        .expect(200);
    browser.see("Congratulations! You are now a DocPort doctor.");
    browser.checkAndPhotograph("onboarding-active");

    browser.open("/profile");
    browser.seeHeading("Your profile");
    browser.checkAndPhotograph("profile");
  }

  /** The doctor's id once the operator's review queue lists them. */
  private static String awaitInReview(HubClient operator, String family) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (var entry : operator.get("/api/operator/onboarding/review-queue").body()) {
                if (entry.path("familyName").asText().equals(family)) {
                  return entry.path("doctorId").asText();
                }
              }
              return null;
            },
            id -> id != null);
  }

  /** A small, real PDF to upload as a document. */
  private static Path pdf(String name) throws java.io.IOException {
    Path file = Files.createTempFile(name, ".pdf");
    Files.writeString(
        file,
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    return file;
  }

  private static void signIn(RealBrowser browser, String email) {
    browser.fill("Email or username", email);
    browser.fill("Password", PASSWORD);
    browser.press("Sign in");
  }

  private static String verificationLink(GreenMail mail, String email) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              for (MimeMessage message : mail.getReceivedMessages()) {
                if (Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(email))) {
                  Matcher link = LINK.matcher(String.valueOf(message.getContent()));
                  if (link.find()) {
                    return link.group(1);
                  }
                }
              }
              return null;
            },
            link -> link != null);
  }
}
