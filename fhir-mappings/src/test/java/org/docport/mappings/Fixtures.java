package org.docport.mappings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.InsurerContext;

/** Golden-file fixtures under {@code src/test/resources/org/docport/mappings}. */
final class Fixtures {

  /** Every fixture: {@code <name>.input.json} beside {@code <name>.expected.json}. */
  static final List<String> NAMES =
      List.of(
          "full-doctor",
          "minimal-doctor",
          "new-user-doctor",
          "location-contact-doctor",
          "several-locations-doctor",
          "endpoint-doctor",
          "inactive-doctor");

  /** The fixtures of active doctors: those that publish resources. */
  static final List<String> ACTIVE = NAMES.stream().filter(n -> !n.startsWith("inactive")).toList();

  private static final String FOLDER = "org/docport/mappings/";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** What a fixture feeds the mapper. */
  record MappingInput(DoctorSnapshot doctor, InsurerContext insurer) {

    PublishedResources map() {
      return PlanNetMapper.map(doctor, insurer);
    }
  }

  private Fixtures() {}

  static MappingInput input(String name) {
    try (InputStream in = open(name + ".input.json")) {
      return JSON.readValue(in, MappingInput.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + name, e);
    }
  }

  static PublishedResources mapped(String name) {
    return input(name).map();
  }

  /** The expected output, or null when the golden file does not exist yet. */
  static String expected(String name) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(expectedPath(name))) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The golden file in the source tree (Surefire runs tests from the module directory), so that an
   * update lands where it is reviewed and committed, not in {@code target/}.
   */
  static Path expectedSourceFile(String name) {
    return Path.of("src", "test", "resources").resolve(expectedPath(name));
  }

  private static String expectedPath(String name) {
    return FOLDER + name + ".expected.json";
  }

  private static InputStream open(String file) {
    InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(FOLDER + file);
    if (in == null) {
      throw new IllegalArgumentException("no fixture " + FOLDER + file);
    }
    return in;
  }
}
