package org.docport.mappings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The codes of Plan-Net 1.2.0's InsuranceProductTypeCS ({@link
 * PlanNetProfiles#PRODUCT_TYPE_SYSTEM}), with their displays: what an insurer network's product
 * type may be. Copied from the package (a test checks they are equal) so the hub can refuse an
 * unknown code when an insurer registers, instead of publishing an InsurancePlan that breaks the
 * profile's binding.
 */
public final class PlanNetProductTypes {

  private static final Map<String, String> DISPLAYS = displays();

  private PlanNetProductTypes() {}

  public static boolean contains(String code) {
    return code != null && DISPLAYS.containsKey(code);
  }

  /** Every code, in the code system's order. */
  public static Set<String> codes() {
    return DISPLAYS.keySet();
  }

  static String display(String code) {
    return DISPLAYS.get(code);
  }

  private static Map<String, String> displays() {
    String[][] pairs = {
      {"commppo", "Commercial PPO"},
      {"commhdhp", "Commercial HDHP"},
      {"commpos", "Commercial POS"},
      {"commhmo", "Commercial HMO"},
      {"commepo", "Commercial EPO"},
      {"medi", "Medicaid"},
      {"medihmo", "Medicaid HMO"},
      {"mediadv", "Medicare Advantage"},
      {"mediadvhmo", "Medicare Advantage HMO"},
      {"media", "Medicare Part A"},
      {"medib", "Medicare Part B"},
      {"medid", "Medicare Part D"},
      {"mediab", "Medicare A/B"},
      {"qhp", "Qualified Health Plan"},
      {"ihs", "Indian Health Service"},
      {"fep", "Federal Employee Program"},
      {"tri", "TRICARE"},
      {"va", "Veterans Affairs Plan"},
      {"dent", "Dental Plan"},
      {"denthmo", "Dental HMO"},
      {"vis", "Vision Plan"},
      {"vishmo", "Vision HMO"}
    };
    Map<String, String> displays = new LinkedHashMap<>();
    for (String[] pair : pairs) {
      displays.put(pair[0], pair[1]);
    }
    return Collections.unmodifiableMap(displays);
  }
}
