package org.docport.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PractitionerMappingTest {

  @Test
  void fourDigitsIsTheFormattersPaddedYear() {
    for (int year : new int[] {0, 7, 42, 999, 1000, 1987, 2026, 9999, 10000, 123456, -1, -123}) {
      assertThat(PractitionerMapping.fourDigits(year)).isEqualTo(String.format("%04d", year));
    }
    for (int year = 0; year <= 9999; year++) {
      assertThat(PractitionerMapping.fourDigits(year)).isEqualTo(String.format("%04d", year));
    }
  }
}
