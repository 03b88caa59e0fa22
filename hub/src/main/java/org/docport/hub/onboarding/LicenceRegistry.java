package org.docport.hub.onboarding;

import java.util.Optional;
import org.docport.mappings.snapshot.Identifier;

/** Verifies licence and registration numbers with the authority that issued them. */
public interface LicenceRegistry {

  /**
   * The authority's verdict on the number, or empty when no registry is configured for the
   * authority (a reviewer then checks it by hand).
   *
   * @throws RuntimeException when the registry cannot be reached (the check is retried)
   */
  Optional<LicenceVerdict> verify(Identifier licence);
}
