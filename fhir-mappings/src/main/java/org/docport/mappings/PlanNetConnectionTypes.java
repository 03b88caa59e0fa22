package org.docport.mappings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;

/**
 * The codes of Plan-Net 1.2.0's EndpointConnectionTypeVS, which includes two whole code systems:
 * FHIR's endpoint-connection-type ({@code hl7-fhir-rest}, {@code direct-project}, ...) and
 * Plan-Net's own additions ({@code hl7-fhir-opn}, {@code rest-non-fhir}). A doctor names only the
 * code; the system follows from it, as no code is in both. Copied from the packages (a test checks
 * they are equal) so the hub can refuse an unknown code instead of publishing an Endpoint that
 * breaks the profile's binding.
 */
public final class PlanNetConnectionTypes {

  /** FHIR R4's connection types (terminology.hl7.org). */
  public static final String FHIR_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";

  /** Plan-Net's additional connection types. */
  public static final String PLAN_NET_SYSTEM =
      "http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/EndpointConnectionTypeCS";

  /** Connection types whose address is an e-mail style address rather than a URL. */
  public static final Set<String> MAIL = Set.of("direct-project", "secure-email");

  private static final Map<String, Coding> CODES = table();

  private PlanNetConnectionTypes() {}

  public static boolean contains(String code) {
    return code != null && CODES.containsKey(code);
  }

  /** Every code, FHIR's first, in the code systems' order. */
  public static Set<String> codes() {
    return CODES.keySet();
  }

  /** The coding of a known code, with its system and display (a copy). */
  static Optional<Coding> coding(String code) {
    return Optional.ofNullable(code == null ? null : CODES.get(code)).map(Coding::copy);
  }

  private static Map<String, Coding> table() {
    String[][] fhir = {
      {"ihe-xcpd", "IHE XCPD"},
      {"ihe-xca", "IHE XCA"},
      {"ihe-xdr", "IHE XDR"},
      {"ihe-xds", "IHE XDS"},
      {"ihe-iid", "IHE IID"},
      {"dicom-wado-rs", "DICOM WADO-RS"},
      {"dicom-qido-rs", "DICOM QIDO-RS"},
      {"dicom-stow-rs", "DICOM STOW-RS"},
      {"dicom-wado-uri", "DICOM WADO-URI"},
      {"hl7-fhir-rest", "HL7 FHIR"},
      {"hl7-fhir-msg", "HL7 FHIR Messaging"},
      {"hl7v2-mllp", "HL7 v2 MLLP"},
      {"secure-email", "Secure email"},
      {"direct-project", "Direct Project"}
    };
    String[][] planNet = {
      {"hl7-fhir-opn", "HL7 FHIR Operation"},
      {"rest-non-fhir", "REST (not FHIR)"}
    };
    Map<String, Coding> codes = new LinkedHashMap<>();
    for (String[] pair : fhir) {
      codes.put(pair[0], new Coding(FHIR_SYSTEM, pair[0], pair[1]));
    }
    for (String[] pair : planNet) {
      codes.put(pair[0], new Coding(PLAN_NET_SYSTEM, pair[0], pair[1]));
    }
    return Collections.unmodifiableMap(codes);
  }
}
