package org.docport.hub.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.docport.hub.registry.RegistryEvents;
import org.docport.workflows.onboarding.OnboardingProgress;
import org.docport.workflows.onboarding.OnboardingStep;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Each doctor's onboarding as the registry records it: the truth the workflows report into. */
@Repository
public class Onboardings {

  private static final TypeReference<List<String>> LINES = new TypeReference<>() {};

  /** A doctor's onboarding, as the API shows it. */
  public record Onboarding(
      UUID doctorId,
      String familyName,
      OnboardingStep step,
      List<String> problems,
      List<String> reviewNotes,
      int remindersSent,
      OffsetDateTime updatedAt) {

    OnboardingProgress progress() {
      return new OnboardingProgress(step, problems, reviewNotes, remindersSent);
    }
  }

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final RegistryEvents events;

  Onboardings(JdbcTemplate jdbc, ObjectMapper json, RegistryEvents events) {
    this.jdbc = jdbc;
    this.json = json;
    this.events = events;
  }

  /** Records the workflow's progress; ACTIVE is reached only through {@link #activate}. */
  public void record(UUID doctorId, OnboardingProgress progress) {
    jdbc.update(
        """
        update doctor set onboarding = ?, onboarding_problems = ?::jsonb,
          onboarding_notes = ?::jsonb, onboarding_reminders = ?, onboarding_updated_at = now()
        where id = ? and onboarding <> 'ACTIVE'
        """,
        progress.step() == OnboardingStep.ACTIVE ? "IN_REVIEW" : progress.step().name(),
        write(progress.problems()),
        write(progress.reviewNotes()),
        progress.remindersSent(),
        doctorId);
  }

  /** The doctor becomes visible to the insurers they consent to. */
  @Transactional
  public void activate(UUID doctorId, String actor) {
    int changed =
        jdbc.update(
            """
            update doctor set onboarding = 'ACTIVE', onboarding_problems = '[]',
              onboarding_notes = '[]', onboarding_updated_at = now()
            where id = ? and onboarding <> 'ACTIVE'
            """,
            doctorId);
    if (changed > 0) {
      long version =
          jdbc.queryForObject("select version from doctor where id = ?", Long.class, doctorId);
      // Through change capture like any change: consents set meanwhile start delivering.
      events.record(doctorId, version, RegistryEvents.Kind.ONBOARDING_CHANGED, null, actor);
    }
  }

  public Optional<Onboarding> find(UUID doctorId) {
    return jdbc.query(SELECT + " where id = ?", this::onboarding, doctorId).stream().findFirst();
  }

  /** Doctors an operator must review, oldest first. */
  public List<Onboarding> awaitingReview() {
    return jdbc.query(
        SELECT + " where onboarding = 'IN_REVIEW' order by onboarding_updated_at",
        this::onboarding);
  }

  /** Doctors whose onboarding a workflow should be running. */
  public List<Onboarding> inFlight() {
    return jdbc.query(
        SELECT + " where onboarding <> 'ACTIVE' order by onboarding_updated_at", this::onboarding);
  }

  private static final String SELECT =
      "select id, family_name, onboarding, onboarding_problems, onboarding_notes,"
          + " onboarding_reminders, onboarding_updated_at from doctor";

  private Onboarding onboarding(ResultSet rs, int row) throws SQLException {
    return new Onboarding(
        rs.getObject("id", UUID.class),
        rs.getString("family_name"),
        OnboardingStep.valueOf(rs.getString("onboarding")),
        read(rs.getString("onboarding_problems")),
        read(rs.getString("onboarding_notes")),
        rs.getInt("onboarding_reminders"),
        rs.getObject("onboarding_updated_at", OffsetDateTime.class));
  }

  private List<String> read(String value) {
    try {
      return json.readValue(value, LINES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable onboarding column", e);
    }
  }

  private String write(List<String> lines) {
    try {
      return json.writeValueAsString(lines);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
