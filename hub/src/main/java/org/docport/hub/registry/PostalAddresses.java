package org.docport.hub.registry;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.docport.hub.web.ApiException;
import org.docport.hub.web.Violations;
import org.docport.mappings.snapshot.Address;

/**
 * What the registry accepts as a postal address, wherever one is entered (a doctor's practice
 * location, an insurer's own address): one rule, so both publish addresses Plan-Net accepts.
 */
public final class PostalAddresses {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private PostalAddresses() {}

  /** What is wrong with the address, each problem naming its field under {@code field}. */
  public static List<ApiException.FieldError> problems(String field, Address address) {
    Violations v = new Violations("Invalid doctor profile");
    check(v, field, address);
    return v.errors();
  }

  static void check(Violations v, String p, Address a) {
    if (a == null) {
      v.add(p, "required");
      return;
    }
    List<String> lines = a.lines() == null ? List.of() : a.lines();
    if (v.atMost(p + ".lines", lines, 4)) {
      for (int i = 0; i < lines.size(); i++) {
        v.required(p + ".lines[" + i + "]", lines.get(i), 200);
      }
    }
    v.required(p + ".city", a.city(), 100);
    v.optional(p + ".district", a.district(), 100);
    v.optional(p + ".state", a.state(), 100);
    v.optional(p + ".postalCode", a.postalCode(), 20);
    if (v.required(p + ".country", a.country(), 2) && !COUNTRIES.contains(a.country())) {
      v.add(
          p + ".country",
          "must be an ISO 3166 alpha-2 country code such as IN, was \"" + a.country() + "\"");
    }
  }
}
