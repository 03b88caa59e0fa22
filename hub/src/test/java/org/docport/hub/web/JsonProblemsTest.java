package org.docport.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.docport.hub.web.ProblemAssertions.assertProblem;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.docport.hub.HubTest;
import org.docport.hub.SampleDoctors;
import org.docport.testkit.HubClient;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every way the hub's JSON reader refuses a body, read with the hub's own ObjectMapper (its strict
 * settings decide which exceptions there are), explained by path and in the client's terms; and two
 * of them as the API answers them.
 */
class JsonProblemsTest extends HubTest {

  @Autowired ObjectMapper json;

  @ParameterizedTest
  @MethodSource("wrongBodies")
  void aWrongBodyIsExplainedByPathAndExpectationWithoutNamingCode(
      String body, Class<?> type, String detail) {
    Throwable thrown = catchThrowable(() -> json.readValue(body, type));
    assertThat(thrown).as("%s is refused", body).isNotNull();

    ApiException problem = JsonProblems.describe(thrown);

    assertThat(problem.status().value()).isEqualTo(400);
    assertThat(problem.getMessage()).isEqualTo(detail);
    assertThat(problem.getMessage() + problem.errors())
        .doesNotContain("org.docport", "java.", "com.fasterxml", "`", "Sample", "Coded", "Colour");
  }

  @Test
  void aWrongShapedFieldIsNamedWithWhatBelongsThere() {
    Map<String, Object> profile = new HashMap<>(SampleDoctors.profile("Shape"));
    profile.put("qualifications", List.of(Map.of("degree", "MD", "year", 2012)));

    RawHttp.Response response =
        new RawHttp(port).send("POST", "/api/doctors", jsonHeaders(), write(profile));

    JsonNode problem = assertProblem(response, 400);
    assertThat(problem.get("detail").asText())
        .isEqualTo("qualifications[0].degree: expected an object with system, code and display");
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("qualifications[0].degree");
  }

  @Test
  void anEnumFieldListsItsValuesAndADurationShowsItsFormat() {
    RawHttp http = new RawHttp(port);
    String consent = "/api/operator/consents/" + UUID.randomUUID() + "/ins-none";
    JsonNode status =
        assertProblem(http.send("PUT", consent, jsonHeaders(), "{\"status\": \"YES\"}"), 400);
    assertThat(status.get("detail").asText())
        .isEqualTo(
            "status: expected one of: REQUESTED, ENROLLING, ACTIVE, WITHDRAWING, REJECTED,"
                + " FAILED, REVOKED (got \"YES\")");

    String insurer = "{\"enrolment\": {\"decisionTimeout\": \"fortnight\"}}";
    JsonNode timeout =
        assertProblem(http.send("POST", "/api/operator/insurers", jsonHeaders(), insurer), 400);
    assertThat(timeout.get("detail").asText())
        .startsWith("enrolment.decisionTimeout: expected an ISO 8601 duration like P14D");
  }

  static Stream<Arguments> wrongBodies() {
    String number = "1".repeat(1001);
    String nested = "[".repeat(1001) + "]".repeat(1001);
    return Stream.of(
        wrong(
            "a string for a record",
            "{\"coded\": \"MD\"}",
            "coded: expected an object with system, code and display"),
        wrong(
            "an object for a list", "{\"codes\": {\"system\": \"x\"}}", "codes: expected an array"),
        wrong("a string for a list", "{\"words\": \"en\"}", "words: expected an array"),
        wrong(
            "a number in a list of records",
            "{\"codes\": [{\"code\": 1}]}",
            "codes[0].code: expected a string (got 1)"),
        wrong(
            "an object in a list of strings",
            "{\"words\": [\"en\", {}]}",
            "words[1]: expected a string"),
        wrong("an object for a string", "{\"text\": {}}", "text: expected a string"),
        wrong("an array for a string", "{\"text\": []}", "text: expected a string"),
        wrong("a number for a string", "{\"text\": 42}", "text: expected a string (got 42)"),
        wrong("a string for a boolean", "{\"flag\": \"yes\"}", "flag: expected true or false"),
        wrong(
            "a string for a whole number", "{\"count\": \"3\"}", "count: expected a whole number"),
        wrong(
            "a fraction for a whole number",
            "{\"count\": 1.5}",
            "count: expected a whole number (got 1.5)"),
        wrong(
            "null for a primitive",
            "{\"primitive\": null}",
            "primitive: must be a whole number, not null or left out"),
        wrong("a string for a number", "{\"ratio\": \"half\"}", "ratio: expected a number"),
        wrong(
            "an int overflow",
            "{\"count\": 99999999999}",
            "count: too large: expected a whole number from -2147483648 to 2147483647"),
        wrong(
            "a long overflow",
            "{\"big\": 99999999999999999999}",
            "big: too large: expected a whole number from -9223372036854775808 to"
                + " 9223372036854775807"),
        wrong(
            "an unknown enum name",
            "{\"colour\": \"GREEN\"}",
            "colour: expected one of: RED, dark-blue (got \"GREEN\")"),
        wrong(
            "a number for an enum",
            "{\"colour\": 1}",
            "colour: expected one of: RED, dark-blue (got 1)"),
        wrong(
            "an object for an enum", "{\"colour\": {}}", "colour: expected one of: RED, dark-blue"),
        wrong(
            "a malformed UUID",
            "{\"id\": \"nope\"}",
            "id: expected a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e (got \"nope\")"),
        wrong(
            "an object for a UUID",
            "{\"id\": {}}",
            "id: expected a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e"),
        wrong(
            "an impossible date",
            "{\"day\": \"2027-02-30\"}",
            "day: expected a date like 2027-01-31 (got \"2027-02-30\")"),
        wrong(
            "a date in another format",
            "{\"day\": \"31/01/2027\"}",
            "day: expected a date like 2027-01-31 (got \"31/01/2027\")"),
        wrong("a boolean for a date", "{\"day\": true}", "day: expected a date like 2027-01-31"),
        wrong(
            "a time without its offset",
            "{\"at\": \"2027-01-31T09:30:00\"}",
            "at: expected a date and time with its offset, like 2027-01-31T09:30:00Z or"
                + " 2027-01-31T15:00:00+05:30 (got \"2027-01-31T09:30:00\")"),
        wrong(
            "an object for an instant",
            "{\"instant\": {}}",
            "instant: expected a date and time with its offset, like 2027-01-31T09:30:00Z or"
                + " 2027-01-31T15:00:00+05:30"),
        wrong(
            "words for a duration",
            "{\"timeout\": \"two weeks\"}",
            "timeout: expected an ISO 8601 duration like P14D or PT12H (got \"two weeks\")"),
        wrong(
            "an array for a duration",
            "{\"timeout\": []}",
            "timeout: expected an ISO 8601 duration like P14D or PT12H"),
        wrong(
            "words for a period",
            "{\"period\": \"monthly\"}",
            "period: expected an ISO 8601 period like P1M or P1Y (got \"monthly\")"),
        wrong(
            "a malformed time",
            "{\"time\": \"9.30\"}",
            "time: expected a time like 09:30 (got \"9.30\")"),
        wrong("an array for a map", "{\"labels\": []}", "labels: expected an object"),
        wrong(
            "an unknown subtype",
            "{\"pet\": {\"kind\": \"dog\"}}",
            "pet: has a missing or unknown type"),
        wrong(
            "a value its record refuses",
            "{\"checked\": {\"value\": \"\"}}",
            "checked: is not valid: value must not be blank"),
        wrong("a record that fails on its own", "{\"careless\": {}}", "careless: is not valid"),
        wrong(
            "an unknown field",
            "{\"coded\": {\"system\": \"x\", \"version\": \"1\"}}",
            "coded.version: unknown field; allowed here: [code, display, system]"),
        wrong(
            "an array for the body",
            "[]",
            "The body must be an object with text, flag, count, big, primitive, ratio, day, at,"
                + " instant, timeout, period, time, id, colour, coded, codes, words, labels, pet,"
                + " checked and careless."),
        Arguments.of(
            Named.of("two values", "{} {}"),
            Coded.class,
            "The body must hold one JSON value, but more follows it (line 1, column 4)."),
        wrong(
            "an unclosed object",
            "{\"text\": \"x\"",
            "The body ends before its JSON is complete (line 1, column 13)"),
        wrong(
            "a duplicate field",
            "{\"text\": \"a\", \"text\": \"b\"}",
            "Duplicate field 'text' (line 1, column 21)"),
        wrong(
            "a number too long to read",
            "{\"ratio\": " + number + "}",
            "Number value length (1001) exceeds the maximum allowed (1000)"),
        Arguments.of(
            Named.of("nesting too deep", nested),
            JsonNode.class,
            "Document nesting depth (1001) exceeds the maximum allowed (1000)"));
  }

  private static Map<String, String> jsonHeaders() {
    return Map.of(
        "Authorization",
        RawHttp.basic("operator", OPERATOR_PASSWORD),
        "Content-Type",
        "application/json");
  }

  private static String write(Object value) {
    try {
      return HubClient.json().writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Arguments wrong(String name, String body, String detail) {
    return Arguments.of(Named.of(name, body), Sample.class, detail);
  }

  record Coded(String system, String code, String display) {}

  enum Colour {
    RED,
    @JsonProperty("dark-blue")
    DARK_BLUE
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes(@JsonSubTypes.Type(value = Cat.class, name = "cat"))
  sealed interface Pet permits Cat {}

  record Cat(String name) implements Pet {}

  record Checked(String value) {
    Checked {
      if (value.isBlank()) {
        throw new IllegalArgumentException("value must not be blank");
      }
    }
  }

  record Careless(String value) {
    Careless {
      value.length(); // a NullPointerException whose message names java.lang.String
    }
  }

  record Sample(
      String text,
      Boolean flag,
      Integer count,
      Long big,
      int primitive,
      Double ratio,
      LocalDate day,
      OffsetDateTime at,
      Instant instant,
      Duration timeout,
      Period period,
      LocalTime time,
      UUID id,
      Colour colour,
      Coded coded,
      List<Coded> codes,
      List<String> words,
      Map<String, String> labels,
      Pet pet,
      Checked checked,
      Careless careless) {}
}
