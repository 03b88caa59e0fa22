package org.docport.hub.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.docport.hub.fhir.InsurerFhirClients;
import org.docport.hub.security.AuthenticatorApp;
import org.docport.insurersim.InsurerServer;
import org.docport.mappings.BusinessIdentifiers;
import org.docport.testkit.HubClient;
import org.docport.testkit.HubProcess;
import org.docport.testkit.TestDatabase;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;
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
  private static final String INSURER = "star-health";
  private static final String BOOKING = "system/*.read system/Appointment.write";
  private static final String INSURER_NAME = "Star Health";
  private static final Pattern LINK = Pattern.compile("(http://\\S+/verify-email\\?token=\\S+)");

  @Test
  void aDoctorRegistersSignsInWithTwoStepsAndIsOnboarded() throws Exception {
    Path log = Files.createTempFile("hub-web-app-it", ".log");
    int port = HubProcess.freePort();
    GreenMail mail = new GreenMail(new ServerSetup(HubProcess.freePort(), "127.0.0.1", "smtp"));
    mail.start();
    try (InsurerServer insurer = InsurerServer.start(0);
        TestDatabase db = TestDatabase.start();
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
        HubClient operator = new HubClient(hub.baseUrl(), "operator", OPERATOR_PASSWORD);
        connect(operator, insurer);
        // Registered before the operator turns on two-step sign-in, which ends HTTP Basic for it.
        IGenericClient fhir =
            InsurerFhirClients.client(
                operator, URI.create(hub.baseUrl()).getPort(), INSURER, BOOKING, BOOKING);
        walk(browser, hub, mail, insurer, fhir);
      } catch (Throwable failure) {
        browser.keepEvidence(Path.of("target", "web-app-it"));
        throw failure;
      }
    } finally {
      mail.stop();
    }
  }

  private static void walk(
      RealBrowser browser,
      HubProcess hub,
      GreenMail mail,
      InsurerServer insurer,
      IGenericClient fhir)
      throws Exception {
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

    // The operator, at another desk, approves the doctor in the console.
    HubClient operator = new HubClient(hub.baseUrl(), "operator", OPERATOR_PASSWORD);
    awaitInReview(operator, "Rao");
    try (RealBrowser desk = browser.another()) {
      try {
        review(desk);
      } catch (Throwable failure) {
        desk.keepEvidence(Path.of("target", "web-app-it", "operator"));
        throw failure;
      }
    }
    browser.see("Congratulations! You are now a DocPort doctor.");
    browser.checkAndPhotograph("onboarding-active");

    browser.open("/profile");
    browser.seeHeading("Your profile");
    browser.checkAndPhotograph("profile");

    browser.open("/insurers");
    browser.seeHeading("Insurers");
    browser.press("Join " + INSURER_NAME);
    browser.see("Active since");
    browser.checkAndPhotograph("insurers");

    browser.open("/availability");
    browser.seeHeading("Availability");
    browser.press("Add a service");
    browser.fill("Name", "Consultation");
    browser.press("Add weekly hours");
    browser.tickMentioning("Saturday");
    browser.tickMentioning("Sunday");
    browser.select("Service", "Consultation");
    browser.checkAndPhotograph("availability");
    browser.press("Save availability");
    browser.see("Your availability is saved.");

    // The insurer's system finds the doctor's first free slot and books it through /fhir.
    Slot slot =
        await().atMost(Duration.ofSeconds(30)).until(() -> firstFreeSlot(fhir), s -> s != null);
    String appointment = book(fhir, slot);

    String day = LocalDate.ofInstant(slot.getStart().toInstant(), ZoneOffset.UTC).toString();
    browser.open("/appointments?view=day&date=" + day);
    browser.seeHeading("Appointments");
    browser.see("Meera Rao");
    browser.checkAndPhotograph("appointments");
    browser.pressStartingWith("Cancel:");
    browser.fill("Reason for the patient", "The clinic is closed for repairs");
    browser.press("Cancel appointment");
    browser.see("is cancelled");

    // The insurer's connector receives the cancellation, with the doctor's reason.
    Appointment cancelled =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    insurer
                        .findByIdentifier(
                            Appointment.class, BusinessIdentifiers.APPOINTMENT, appointment)
                        .orElse(null),
                a -> a != null && a.getStatus() == Appointment.AppointmentStatus.CANCELLED);
    assertThat(cancelled.getCancelationReason().getText())
        .isEqualTo("The clinic is closed for repairs");

    browser.open("/");
    browser.seeHeading("Your practice");
    browser.checkAndPhotograph("dashboard");
    browser.open("/privacy");
    browser.seeHeading("Who saw my data");
    browser.checkAndPhotograph("privacy");
    browser.open("/calendar-settings");
    browser.checkAndPhotograph("calendar-settings");
  }

  /** The first free slot of Dr Rao the insurer sees, if any yet. */
  private static Slot firstFreeSlot(IGenericClient fhir) {
    Bundle practitioners =
        fhir.search().byUrl("Practitioner?family=Rao").returnBundle(Bundle.class).execute();
    if (practitioners.getEntry().isEmpty()) {
      return null;
    }
    String practitioner = practitioners.getEntryFirstRep().getResource().getIdElement().getIdPart();
    Bundle slots =
        fhir.search()
            .byUrl("Slot?status=free&schedule.actor=Practitioner/" + practitioner)
            .returnBundle(Bundle.class)
            .execute();
    return slots.getEntry().stream()
        .map(e -> (Slot) e.getResource())
        .min(java.util.Comparator.comparing(Slot::getStart))
        .orElse(null);
  }

  /** Books the slot for a patient given by minimal demographics; answers the appointment's id. */
  private static String book(IGenericClient fhir, Slot slot) {
    Patient patient = new Patient().addName(new HumanName().setFamily("Rao").addGiven("Meera"));
    patient.setId("p");
    Appointment request = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED);
    request.addContained(patient);
    request.addSlot(new Reference("Slot/" + slot.getIdElement().getIdPart()));
    request.addParticipant().setActor(new Reference("#p"));
    return fhir.create().resource(request).execute().getId().getIdPart();
  }

  /** The operator signs in, sets up two-step sign-in as operators must, and approves Dr Rao. */
  private static void review(RealBrowser desk) {
    desk.open("/sign-in");
    desk.fill("Email or username", "operator");
    desk.fill("Password", OPERATOR_PASSWORD);
    desk.press("Sign in");
    desk.seeHeading("Turn on two-step sign-in");
    String secret = desk.text(By.cssSelector(".secret__value code")).replace(" ", "");
    desk.fill("Authentication code", AuthenticatorApp.code(secret, 0));
    desk.press("Turn on two-step sign-in");
    desk.seeHeading("Save your recovery codes");
    desk.press("I have saved my recovery codes");

    desk.open("/console/review");
    desk.seeHeading("Review queue (1)");
    desk.press("View medical licence");
    desk.see("Open in a new tab");
    desk.checkAndPhotograph("console-review");
    desk.press("Approve");
    desk.see("You approved Asha Rao");

    desk.open("/console/delivery");
    desk.seeHeading("Delivery health");
    desk.see(INSURER_NAME);
    desk.checkAndPhotograph("console-delivery");
    desk.open("/console/insurers");
    desk.seeHeading("Insurer applications (0)");
    desk.checkAndPhotograph("console-insurers");
  }

  /** Connects the insurer, which accepts every doctor who opts in, as an operator would. */
  private static void connect(HubClient operator, InsurerServer insurer) {
    operator
        .post(
            "/api/operator/insurers",
            Map.of(
                "id",
                INSURER,
                "name",
                INSURER_NAME,
                "networks",
                List.of(Map.of("id", "gold", "name", "Gold OPD")),
                "enrolment",
                Map.of("autoAccept", true),
                "connector",
                Map.of("kind", "fhir-rest", "baseUrl", insurer.baseUrl())))
        .expect(201);
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
