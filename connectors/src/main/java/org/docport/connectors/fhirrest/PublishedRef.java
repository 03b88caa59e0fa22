package org.docport.connectors.fhirrest;

/**
 * What DocPort remembers of one resource it published to an insurer: the insurer's reference
 * ({@code Type/id}) and a fingerprint of the content it sent, so an unchanged resource is not
 * written again. Stored as {@code Type/id#fingerprint}; a bare {@code Type/id} (no fingerprint)
 * forces the next delivery to write it.
 */
public record PublishedRef(String reference, String fingerprint) {

  /** Reads a stored value; null stays null. */
  public static PublishedRef parse(String stored) {
    if (stored == null) {
      return null;
    }
    int hash = stored.indexOf('#');
    return hash < 0
        ? new PublishedRef(stored, "")
        : new PublishedRef(stored.substring(0, hash), stored.substring(hash + 1));
  }

  /** The insurer's reference in a stored value. */
  public static String referenceOf(String stored) {
    return parse(stored).reference();
  }

  /** Whether the insurer already holds exactly this content. */
  boolean holds(String contentFingerprint) {
    return !fingerprint.isEmpty() && fingerprint.equals(contentFingerprint);
  }

  @Override
  public String toString() {
    return fingerprint.isEmpty() ? reference : reference + "#" + fingerprint;
  }
}
