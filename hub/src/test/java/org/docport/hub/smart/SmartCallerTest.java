package org.docport.hub.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SMART v1 and v2 scope rules the FHIR layer relies on. */
class SmartCallerTest {

  private static SmartCaller with(String... scopes) {
    return new SmartCaller("acme", "client-1", Set.of(scopes));
  }

  @Test
  void aV1ReadScopeAllowsReadAndSearchOfItsTypeOnly() {
    SmartCaller caller = with("system/Practitioner.read");

    assertThat(caller.mayRead("Practitioner")).isTrue();
    assertThat(caller.maySearch("Practitioner")).isTrue();
    assertThat(caller.mayRead("Location")).isFalse();
    assertThat(caller.maySearch("Location")).isFalse();
  }

  @Test
  void wildcardsAllowEveryType() {
    assertThat(with("system/*.read").maySearch("Organization")).isTrue();
    assertThat(with("system/*.rs").mayRead("PractitionerRole")).isTrue();
  }

  @Test
  void v2PermissionsSeparateReadFromSearch() {
    SmartCaller readOnly = with("system/Practitioner.r");
    SmartCaller searchOnly = with("system/Location.s");

    assertThat(readOnly.mayRead("Practitioner")).isTrue();
    assertThat(readOnly.maySearch("Practitioner")).isFalse();
    assertThat(searchOnly.maySearch("Location")).isTrue();
    assertThat(searchOnly.mayRead("Location")).isFalse();
  }

  @Test
  void scopesDocPortDoesNotGrantAllowNothing() {
    SmartCaller caller =
        with(
            "patient/*.read", "user/Practitioner.rs", "system/*.write", "system/*.cruds", "openid");

    assertThat(caller.mayRead("Practitioner")).isFalse();
    assertThat(caller.maySearch("Practitioner")).isFalse();
  }

  @Test
  void aClientIsGrantedTheRequestedScopesItsAllowedScopesCover() {
    assertThat(
            SmartScope.grant(
                List.of("system/Practitioner.rs", "system/Location.read", "system/*.rs"),
                List.of("system/*.read")))
        .containsExactly("system/Practitioner.rs", "system/Location.read", "system/*.rs");
    assertThat(SmartScope.grant(List.of("system/*.read"), List.of("system/Practitioner.read")))
        .isEmpty();
    assertThat(
            SmartScope.grant(List.of("system/Practitioner.rs"), List.of("system/Practitioner.r")))
        .isEmpty();
    assertThat(
            SmartScope.grant(List.of("system/Practitioner.s"), List.of("system/Practitioner.rs")))
        .containsExactly("system/Practitioner.s");
  }

  @Test
  void writeScopesAllowSubscriptionsOnly() {
    assertThat(with("system/Subscription.write").mayWrite("Subscription")).isTrue();
    assertThat(with("system/Subscription.write").mayRead("Subscription")).isFalse();
    assertThat(with("system/Subscription.cud").mayWrite("Subscription")).isTrue();
    assertThat(with("system/Subscription.cruds").mayRead("Subscription")).isTrue();
    assertThat(with("system/*.read").mayWrite("Subscription")).isFalse();
    assertThat(SmartScope.parse("system/Practitioner.write")).isEmpty();
    assertThat(SmartScope.parse("system/Practitioner.cud")).isEmpty();
    assertThat(SmartScope.parse("system/*.write")).isEmpty();
    assertThat(
            SmartScope.grant(
                List.of("system/Subscription.cud", "system/Subscription.rs"),
                List.of("system/Subscription.write", "system/*.read")))
        .containsExactly("system/Subscription.cud", "system/Subscription.rs");
    assertThat(SmartScope.grant(List.of("system/Subscription.write"), List.of("system/*.read")))
        .isEmpty();
  }

  @Test
  void onlyFhirResourceTypesMakeScopes() {
    assertThat(SmartScope.parse("system/Practitioner.read")).isPresent();
    assertThat(SmartScope.parse("system/Practioner.read")).isEmpty();
    assertThat(SmartScope.parse("system/Practitioner.")).isEmpty();
    assertThat(SmartScope.parse("system/Practitioner.sr")).isEmpty();
  }
}
