package org.docport.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.docport.testkit.HubClient;

/**
 * A scenario's results: tables printed for people, and the same figures appended as JSON lines to
 * {@code bench/results/<scenario>-<timestamp>.json} for tools.
 */
final class Report {

  private final String scenario;
  private final String stamp;
  private final List<ObjectNode> records = new ArrayList<>();
  private final List<String> blocks = new ArrayList<>();

  Report(String scenario, String stamp) {
    this.scenario = scenario;
    this.stamp = stamp;
  }

  /** A new JSON line of this kind, already tagged with scenario and timestamp. */
  ObjectNode record(String kind) {
    ObjectNode record = HubClient.json().createObjectNode();
    record.put("scenario", scenario);
    record.put("timestamp", stamp);
    record.put("kind", kind);
    records.add(record);
    return record;
  }

  void table(Table table) {
    blocks.add(table.render());
  }

  void note(String text) {
    blocks.add(text + "\n");
  }

  /** Prints the tables and appends the JSON lines; returns the results file. */
  Path finish() {
    System.out.println();
    System.out.println("==== " + scenario + " results (" + stamp + ") ====");
    blocks.forEach(System.out::println);
    try {
      Path dir = Files.createDirectories(Path.of("bench", "results"));
      Path file = dir.resolve(scenario + "-" + stamp + ".json");
      StringBuilder lines = new StringBuilder();
      for (ObjectNode record : records) {
        lines.append(HubClient.json().writeValueAsString(record)).append('\n');
      }
      Files.writeString(
          file,
          lines,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      System.out.println("JSON lines appended to " + file);
      return file;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
