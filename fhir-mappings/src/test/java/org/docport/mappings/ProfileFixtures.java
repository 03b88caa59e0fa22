package org.docport.mappings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.docport.mappings.codes.CodeMap;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;
import org.hl7.fhir.r4.model.ConceptMap;

/**
 * Golden-file fixtures of the mapping profiles, under {@code
 * src/test/resources/org/docport/mappings/profiles}: {@code <fixture>.<profile>.expected.json}
 * beside the input, which is {@code profiles/<fixture>.input.json} or, for the Plan-Net fixtures,
 * {@code <fixture>.input.json} one folder up. An input may name a ConceptMap file beside it as the
 * insurer's code map.
 */
final class ProfileFixtures {

  private static final String FOLDER = "org/docport/mappings/profiles/";

  /** Fixtures written for the profiles, with a code map. */
  static final List<String> OWN = List.of("india-doctor", "code-mapped-doctor");

  /** The profiles' own fixtures Plan-Net can publish: the others map to codes Plan-Net lacks. */
  static final List<String> PLAN_NET = List.of("code-mapped-doctor");

  /** Every fixture each profile is checked against: Plan-Net's and the profiles' own. */
  static final List<String> ALL = Stream.concat(Fixtures.NAMES.stream(), OWN.stream()).toList();

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /** What a fixture feeds a profile. */
  record ProfileInput(DoctorSnapshot doctor, InsurerContext insurer, String codeMap) {

    CodeMap codes() {
      return codeMap == null ? CodeMap.NONE : CodeMap.of(conceptMap(codeMap));
    }

    MappedDoctor map(MappingProfile profile) {
      return MappingProfiles.doctor(profile, doctor, insurer, codes());
    }
  }

  private ProfileFixtures() {}

  static ProfileInput input(String name) {
    String own = FOLDER + name + ".input.json";
    String path = resourceExists(own) ? own : "org/docport/mappings/" + name + ".input.json";
    try (InputStream in = open(path)) {
      return JSON.readValue(in, ProfileInput.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + name, e);
    }
  }

  static ConceptMap conceptMap(String file) {
    try (InputStream in = open(FOLDER + file)) {
      return TestFhir.CONTEXT.newJsonParser().parseResource(ConceptMap.class, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The expected output, or null when the golden file does not exist yet. */
  static String expected(String name, String kind) {
    try (InputStream in =
        ProfileFixtures.class.getClassLoader().getResourceAsStream(expectedPath(name, kind))) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The golden file in the source tree, where an update is reviewed and committed. */
  static Path expectedSourceFile(String name, String kind) {
    return Path.of("src", "test", "resources").resolve(expectedPath(name, kind));
  }

  private static String expectedPath(String name, String kind) {
    return FOLDER + name + "." + kind + ".expected.json";
  }

  private static boolean resourceExists(String path) {
    return ProfileFixtures.class.getClassLoader().getResource(path) != null;
  }

  private static InputStream open(String path) {
    InputStream in = ProfileFixtures.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalArgumentException("no fixture " + path);
    }
    return in;
  }
}
