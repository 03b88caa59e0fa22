package org.docport.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.docport.mappings.document.DoctorMessage;
import org.docport.mappings.document.RosterRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * Golden files of the mapping profiles: each fixture ({@link ProfileFixtures}) must map to exactly
 * {@code <fixture>.<kind>.expected.json} for every kind: {@code ndhm} (a Bundle of the resources),
 * {@code docport-json} (the message), {@code roster} (the CSV roster's header and rows), and {@code
 * plan-net} for the profiles' own fixtures (Plan-Net's are {@link PlanNetMapperGoldenTest}'s).
 *
 * <p>When a mapping change is intended, regenerate and review the diff:
 *
 * <pre>./mvnw -pl fhir-mappings test -Dtest=MappingProfilesGoldenTest -Dgolden.update=true</pre>
 */
class MappingProfilesGoldenTest {

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<Arguments> goldenFiles() {
    Stream<Arguments> everyFixture =
        ProfileFixtures.ALL.stream()
            .flatMap(f -> Stream.of("ndhm", "docport-json", "roster").map(k -> Arguments.of(f, k)));
    Stream<Arguments> planNet =
        ProfileFixtures.PLAN_NET.stream().map(f -> Arguments.of(f, "plan-net"));
    return Stream.concat(everyFixture, planNet);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("goldenFiles")
  void fixtureMapsToItsGoldenFile(String fixture, String kind) throws Exception {
    String actual = render(fixture, kind);

    if (UPDATE) {
      write(ProfileFixtures.expectedSourceFile(fixture, kind), actual);
      return;
    }
    String expected = ProfileFixtures.expected(fixture, kind);
    assertThat(expected)
        .as(
            "golden file %s.%s is missing; run with -Dgolden.update=true to create it",
            fixture, kind)
        .isNotNull();
    JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("goldenFiles")
  void mappingTheSameSnapshotTwiceGivesIdenticalJson(String fixture, String kind) throws Exception {
    assertThat(render(fixture, kind)).isEqualTo(render(fixture, kind));
  }

  static String render(String fixture, String kind) throws JsonProcessingException {
    var input = ProfileFixtures.input(fixture);
    switch (kind) {
      case "ndhm":
        return fhir(input.map(MappingProfile.NDHM));
      case "plan-net":
        return fhir(input.map(MappingProfile.PLAN_NET));
      case "docport-json":
        return ProfileFixtures.JSON.writeValueAsString(message(input)) + "\n";
      case "roster":
        return roster(message(input));
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  private static String fhir(MappedDoctor mapped) {
    return TestFhir.encode(((MappedDoctor.Fhir) mapped).resources());
  }

  private static DoctorMessage message(ProfileFixtures.ProfileInput input) {
    return ((MappedDoctor.Json) input.map(MappingProfile.DOCPORT_JSON)).message();
  }

  private static String roster(DoctorMessage message) throws JsonProcessingException {
    List<RosterRow> rows = RosterRow.of(message);
    Map<String, Object> roster = new LinkedHashMap<>();
    roster.put("layout", RosterRow.LAYOUT);
    roster.put("columns", RosterRow.COLUMNS);
    roster.put("rows", rows.stream().map(RosterRow::values).toList());
    return ProfileFixtures.JSON.writeValueAsString(roster) + "\n";
  }

  private static void write(Path file, String json) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
  }
}
