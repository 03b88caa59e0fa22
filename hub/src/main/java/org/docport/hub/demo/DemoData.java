package org.docport.hub.demo;

import org.docport.hub.registry.Doctors;
import org.docport.hub.security.Accounts;
import org.docport.hub.security.DocPortUser;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the embedded default only (no {@code DOCPORT_DB_URL}), a demo doctor with a profile and a demo
 * operator, with passwords the README gives, so that someone trying DocPort can sign in at once.
 * Never against an external database, where anyone who read the README could sign in; {@code
 * DOCPORT_DEMO=false} leaves them out on the embedded default too.
 */
@Component
class DemoData implements ApplicationRunner {

  static final String DOCTOR = "demo.doctor@docport.local";
  static final String DOCTOR_PASSWORD = "docport-demo-doctor";
  static final String OPERATOR = "demo.operator";
  static final String OPERATOR_PASSWORD = "docport-demo-operator";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private static final String PROFILE =
      """
      {"name": {"family": "Rao", "given": ["Asha"], "prefix": "Dr"}, "gender": "female",
       "identifiers": [{"system": "https://nmc.org.in/registration", "value": "KA-DEMO-1001",
         "type": "MD", "issuer": "Karnataka Medical Council", "region": "IN-KA",
         "validFrom": "2015-04-01", "validTo": "2030-03-31"}],
       "qualifications": [{"degree": {"system": "http://terminology.hl7.org/CodeSystem/v2-0360",
         "code": "MD", "display": "Doctor of Medicine"}, "issuer": "Bangalore Medical College",
         "year": 2012}],
       "specialties": [{"system": "http://nucc.org/provider-taxonomy", "code": "207Q00000X",
         "display": "Family Medicine"}],
       "languages": ["en", "kn"],
       "telecom": [{"system": "email", "value": "demo.doctor@docport.local", "use": "work"}],
       "locations": [{"name": "Rao Family Clinic", "address": {"lines": ["12 MG Road"],
         "city": "Bengaluru", "country": "IN"}, "geo": {"latitude": 12.97, "longitude": 77.59},
         "phone": "+91 80 4000 1001"}]}
      """;

  private final Accounts accounts;
  private final Doctors doctors;
  private final boolean enabled;

  DemoData(
      Accounts accounts,
      Doctors doctors,
      @Value("${docport.db.url:}") String databaseUrl,
      @Value("${docport.demo.enabled:true}") boolean demo) {
    this.accounts = accounts;
    this.doctors = doctors;
    this.enabled = demo && databaseUrl.isBlank();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled || accounts.find(DOCTOR).isPresent()) {
      return;
    }
    DoctorSnapshot doctor = doctors.create(doctors.parse(PROFILE), "demo data");
    accounts.register(DOCTOR, DOCTOR_PASSWORD);
    accounts.verifyEmail(DOCTOR);
    accounts.linkDoctor(DOCTOR, doctor.id());
    if (accounts.find(OPERATOR).isEmpty()) {
      accounts.create(OPERATOR, OPERATOR_PASSWORD, DocPortUser.Role.OPERATOR);
    }
    log.warn(
        "Embedded default: created the demo doctor '{}' (password '{}') and the demo operator"
            + " '{}' (password '{}'); set DOCPORT_DEMO=false to leave them out",
        DOCTOR,
        DOCTOR_PASSWORD,
        OPERATOR,
        OPERATOR_PASSWORD);
  }
}
