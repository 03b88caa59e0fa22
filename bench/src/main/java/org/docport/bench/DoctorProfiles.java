package org.docport.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.docport.testkit.HubClient;

/**
 * Synthetic doctor profiles in the hub's DoctorSnapshot JSON shape. Every doctor gets a unique,
 * valid NPI; an update changes the mobile number, so each version differs in content.
 */
final class DoctorProfiles {

  /** What a profile contains, and so how many resources a delivery writes. */
  enum Shape {
    /**
     * One practice location and one affiliated hospital: a delivery writes the network and hospital
     * Organizations, a Location, the Practitioner and a PractitionerRole (5 writes).
     */
    FULL,
    /**
     * No location, no affiliation: a delivery writes the network Organization and the Practitioner.
     */
    MINIMAL
  }

  static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";
  static final String LOCATION_ID = "loc-main";
  private static final ObjectMapper JSON = HubClient.json();

  private DoctorProfiles() {}

  /** The profile to POST or PUT (no id or version: the hub assigns those). */
  static ObjectNode profile(int index, long revision, Shape shape) {
    ObjectNode doctor = JSON.createObjectNode();
    doctor.put("active", true);
    ObjectNode name = doctor.putObject("name");
    name.put("family", "Benchmark" + index);
    name.putArray("given").add("Asha").add("R");
    name.put("prefix", "Dr.");
    doctor.put("gender", index % 2 == 0 ? "female" : "male");
    doctor
        .putArray("identifiers")
        .addObject()
        .put("system", NPI_SYSTEM)
        .put("value", npi(index))
        .put("type", "NPI");
    ObjectNode degree =
        doctor.putArray("qualifications").addObject().put("issuer", "AIIMS").put("year", 2005);
    degree
        .putObject("degree")
        .put("system", "http://terminology.hl7.org/CodeSystem/v2-0360")
        .put("code", "MD")
        .put("display", "Doctor of Medicine");
    doctor
        .putArray("specialties")
        .addObject()
        .put("system", "http://nucc.org/provider-taxonomy")
        .put("code", "207RC0000X")
        .put("display", "Cardiovascular Disease Physician");
    doctor.putArray("languages").add("en").add("hi");
    ArrayNode telecom = doctor.putArray("telecom");
    telecom.addObject().put("system", "phone").put("value", "+91 80 4000 1234").put("use", "work");
    telecom
        .addObject()
        .put("system", "phone")
        .put("value", "+91 98" + String.format("%08d", revision % 100_000_000))
        .put("use", "mobile");
    ArrayNode locations = doctor.putArray("locations");
    ArrayNode affiliations = doctor.putArray("affiliations");
    if (shape == Shape.FULL) {
      ObjectNode location =
          locations
              .addObject()
              .put("id", LOCATION_ID)
              .put("name", "Clinic " + index)
              .put("phone", "+91 80 4000 1234");
      ObjectNode address = location.putObject("address");
      address.putArray("lines").add(index + " MG Road");
      address
          .put("city", "Bengaluru")
          .put("state", "KA")
          .put("postalCode", "560001")
          .put("country", "IN");
      affiliations.addObject().put("name", "City Hospital " + (index % 20));
    }
    return doctor;
  }

  /** The profile as the hub stores it after a create: with id and version, lists present. */
  static ObjectNode stored(UUID id, int index, Shape shape) {
    ObjectNode doctor = JSON.createObjectNode();
    doctor.put("id", id.toString());
    doctor.put("version", 1);
    doctor.setAll(profile(index, 1, shape));
    return doctor;
  }

  /**
   * A valid, unique NPI for a doctor index: nine digits starting with 1, then the Luhn check digit
   * over the "80840" prefix.
   */
  static String npi(int index) {
    String base = String.valueOf(100_000_000 + index);
    String digits = "80840" + base;
    int sum = 0;
    boolean doubleIt = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return base + (10 - sum % 10) % 10;
  }
}
