package org.docport.hub.insurer;

import java.util.List;
import org.docport.connectors.ConnectorSettings;
import org.docport.hub.platform.Secrets;
import org.docport.hub.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * An insurer's connector secrets (tokens, client secrets, signing secrets; the fields {@link
 * ConnectorSettings#mapSecrets} names): sealed with the hub's key before they are stored, opened
 * only to reach the insurer, and never shown through the API.
 */
@Component
class ConnectorSecrets {

  /** How a secret reads back through the API; sent back, it keeps the stored secret. */
  static final String KEEP_SECRET = "***";

  private final Secrets secrets;

  ConnectorSecrets(Secrets secrets) {
    this.secrets = secrets;
  }

  /** The settings as stored: each secret sealed, bound to the insurer and field. */
  ConnectorSettings sealed(String insurerId, ConnectorSettings settings) {
    return settings.mapSecrets((field, value) -> secrets.seal(value, secretOf(insurerId, field)));
  }

  /** The stored settings with their secrets opened (one stored before sealing is read as is). */
  ConnectorSettings opened(String insurerId, ConnectorSettings stored) {
    return stored.mapSecrets((field, value) -> secrets.open(value, secretOf(insurerId, field)));
  }

  /** Whether every secret of the stored settings is sealed (or none is set). */
  static boolean allSealed(ConnectorSettings stored) {
    return stored
        .mapSecrets((field, value) -> Secrets.isSealed(value) ? value : null)
        .equals(stored);
  }

  /** The settings as the API shows them: each secret set reads {@value #KEEP_SECRET}. */
  static ConnectorSettings masked(ConnectorSettings settings) {
    return settings.mapSecrets((field, value) -> KEEP_SECRET);
  }

  /**
   * The requested settings, where a secret sent as {@value #KEEP_SECRET} (what reading the insurer
   * shows) is the stored one, so an endpoint can change without re-entering it. Adds a problem to
   * {@code problems} for each such secret when none is stored.
   */
  static ConnectorSettings keepingStored(
      ConnectorSettings requested,
      ConnectorSettings stored,
      List<ApiException.FieldError> problems) {
    if (requested == null) {
      return null;
    }
    return requested.mapSecrets(
        (field, value) -> {
          if (!KEEP_SECRET.equals(value)) {
            return value;
          }
          String kept = stored.secret(field);
          if (kept == null) {
            problems.add(
                InsurerValidation.field(
                    "connector." + field,
                    "'***' keeps the stored secret, and none is stored: send the secret"));
          }
          return kept;
        });
  }

  /** What a sealed secret is bound to: copied to another insurer or field, it does not open. */
  private static String secretOf(String insurerId, String field) {
    return insurerId + " " + field;
  }
}
