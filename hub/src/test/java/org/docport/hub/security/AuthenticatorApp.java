package org.docport.hub.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/** A doctor's authenticator app in tests: the code for a base32 key, as a phone would show it. */
public final class AuthenticatorApp {

  private AuthenticatorApp() {}

  /** The code {@code stepsAhead} 30-second steps from now (0: the current one). */
  public static String code(String base32Secret, int stepsAhead) {
    var generator = new TimeBasedOneTimePasswordGenerator();
    try {
      return generator.generateOneTimePasswordString(
          new SecretKeySpec(Base32.decode(base32Secret), "HmacSHA1"),
          Instant.now().plus(generator.getTimeStep().multipliedBy(stepsAhead)),
          Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
