package org.docport.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * Golden files: each {@code <name>.input.json} must map to exactly {@code <name>.expected.json}.
 *
 * <p>When a mapping change is intended, regenerate the expected files and review their diff:
 *
 * <pre>./mvnw -pl fhir-mappings test -Dtest=PlanNetMapperGoldenTest -Dgolden.update=true</pre>
 */
class PlanNetMapperGoldenTest {

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @ParameterizedTest
  @FieldSource("org.docport.mappings.Fixtures#NAMES")
  void fixtureMapsToItsGoldenFile(String fixture) throws Exception {
    String actual = TestFhir.encode(Fixtures.mapped(fixture));

    if (UPDATE) {
      write(Fixtures.expectedSourceFile(fixture), actual);
      return;
    }
    String expected = Fixtures.expected(fixture);
    assertThat(expected)
        .as("golden file for %s is missing; run with -Dgolden.update=true to create it", fixture)
        .isNotNull();
    JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
  }

  @ParameterizedTest
  @FieldSource("org.docport.mappings.Fixtures#NAMES")
  void mappingTheSameSnapshotTwiceGivesIdenticalJson(String fixture) {
    var input = Fixtures.input(fixture);

    assertThat(TestFhir.encode(input.map())).isEqualTo(TestFhir.encode(input.map()));
  }

  private static void write(Path file, String json) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
  }
}
