package org.docport.connectors;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.docport.mappings.snapshot.Address;
import org.docport.mappings.snapshot.Affiliation;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.mappings.snapshot.InsurerContext.Network;
import org.docport.mappings.snapshot.PersonName;
import org.docport.mappings.snapshot.PracticeLocation;

/** Registry data for connector tests. */
public final class Doctors {

  public static final String INSURER_ID = "acme";

  /** Two networks, so every practice location yields two PractitionerRoles. */
  public static final InsurerContext ACME =
      new InsurerContext(
          INSURER_ID,
          "Acme Health",
          null,
          List.of(new Network("gold", "Acme Gold"), new Network("silver", "Acme Silver")));

  private Doctors() {}

  /** A doctor with one affiliation, practising at the named locations. */
  public static DoctorSnapshot doctor(UUID id, long version, String... locationIds) {
    return new DoctorSnapshot(
        id,
        version,
        true,
        new PersonName("Rao", List.of("Ananya"), "Dr.", null),
        "female",
        null,
        null,
        List.of(new Coding("http://nucc.org/provider-taxonomy", "207RC0000X", "Cardiology")),
        List.of("en"),
        null,
        Arrays.stream(locationIds).map(Doctors::location).toList(),
        List.of(new Affiliation("St. John's Hospital", null)),
        null);
  }

  private static PracticeLocation location(String id) {
    return new PracticeLocation(
        id,
        "Clinic " + id,
        new Address(List.of("1 Main Road"), "Bengaluru", null, "KA", "560001", "IN"),
        null,
        "+91 80 4000 1234");
  }
}
