package org.docport.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's header rule, as a loop, allows exactly what Spring Security's expression does. */
class FirewallTest {

  /** The expression {@code StrictHttpFirewall} checks header names and values with. */
  private static final Pattern SPRING_RULE =
      Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

  @Test
  void everyCodePointIsJudgedAsSpringSecurityJudgesIt() {
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      String text = "a" + new String(Character.toChars(c)) + "z";
      assertThat(Firewall.ASSIGNED_AND_NOT_CONTROL.test(text))
          .as("U+%04X", c)
          .isEqualTo(SPRING_RULE.matcher(text).matches());
    }
  }

  @Test
  void lonePartsOfASurrogatePairAndBearerTokensAreJudgedAlike() {
    for (String text :
        new String[] {
          "",
          "\uD800",
          "x\uDC00y",
          "\uDBFF\uDFFF",
          "Bearer eyJhbGciOiJSUzM4NCJ9.e30.c2ln",
          "a\u0085b"
        }) {
      assertThat(Firewall.ASSIGNED_AND_NOT_CONTROL.test(text))
          .as(text)
          .isEqualTo(SPRING_RULE.matcher(text).matches());
    }
  }
}
