package org.docport.hub;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Valid doctor profiles for tests, as the JSON a client sends. */
public final class SampleDoctors {

  private static final AtomicLong LICENCES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  public static final String FHIR_SERVER = "https://fhir.clinic.example.org/r4";
  public static final String DIRECT_ADDRESS = "kavya@direct.clinic.example.org";

  private SampleDoctors() {}

  public static Map<String, Object> profile(String family) {
    return Map.of(
        "name", Map.of("family", family, "given", List.of("Asha"), "prefix", "Dr"),
        "gender", "female",
        "identifiers",
            List.of(
                Map.of(
                    "system", "https://nmc.org.in/registration",
                    "value", "KA-" + LICENCES.incrementAndGet(),
                    "type", "MD",
                    "issuer", "Karnataka Medical Council",
                    "region", "IN-KA",
                    "validFrom", "2015-04-01",
                    "validTo", "2030-03-31")),
        "qualifications",
            List.of(
                Map.of(
                    "degree",
                    Map.of(
                        "system", "http://terminology.hl7.org/CodeSystem/v2-0360",
                        "code", "MD",
                        "display", "Doctor of Medicine"),
                    "issuer",
                    "Bangalore Medical College",
                    "year",
                    2012)),
        "specialties",
            List.of(
                Map.of(
                    "system", "http://nucc.org/provider-taxonomy",
                    "code", "207Q00000X",
                    "display", "Family Medicine")),
        "languages", List.of("en", "kn"),
        "telecom", List.of(Map.of("system", "email", "value", "asha@example.org", "use", "work")),
        "locations",
            List.of(
                Map.of(
                    "name",
                    "Rao Family Clinic",
                    "address",
                    Map.of("lines", List.of("12 MG Road"), "city", "Bengaluru", "country", "IN"),
                    "geo",
                    Map.of("latitude", 12.97, "longitude", 77.59),
                    "phone",
                    "+91 80 1234 5678")));
  }

  /**
   * A valid profile with no telephone or e-mail, reachable only at its technical endpoints: a FHIR
   * server ({@value #FHIR_SERVER}) and a Direct address ({@value #DIRECT_ADDRESS}).
   */
  public static Map<String, Object> withEndpointsOnly(String family) {
    Map<String, Object> profile = new HashMap<>(profile(family));
    profile.remove("telecom");
    profile.put(
        "locations",
        List.of(Map.of("name", "Clinic", "address", Map.of("city", "Pune", "country", "IN"))));
    profile.put(
        "endpoints",
        List.of(
            Map.of(
                "connectionType",
                "hl7-fhir-rest",
                "address",
                FHIR_SERVER,
                "name",
                "Clinic FHIR server",
                "mimeTypes",
                List.of("application/fhir+json")),
            Map.of(
                "connectionType", "direct-project",
                "address", DIRECT_ADDRESS,
                "name", "Kavya's Direct address")));
    return profile;
  }
}
