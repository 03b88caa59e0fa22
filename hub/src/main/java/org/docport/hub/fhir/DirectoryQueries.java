package org.docport.hub.fhir;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.fhir.DirectorySearch.Chain;
import org.docport.hub.fhir.DirectorySearch.Criterion;
import org.docport.hub.fhir.DirectorySearch.Has;
import org.docport.hub.fhir.DirectorySearch.Ids;
import org.docport.hub.fhir.DirectorySearch.Include;
import org.docport.hub.fhir.DirectorySearch.LastUpdated;
import org.docport.hub.fhir.DirectorySearch.Match;
import org.docport.hub.fhir.SearchParameters.Parameter;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * What one insurer may read of its directory view: reads, versions, history and searches, each one
 * SQL statement over the indexed view, with the live visibility rule ({@link InsurerVisibility})
 * joined into every statement. A doctor the insurer may not see is simply absent: no statement here
 * can tell it apart from a doctor that does not exist.
 */
@Component
class DirectoryQueries {

  /** One version of a resource as stored. {@code content} is null for a deletion. */
  record Stored(
      String type,
      String id,
      long version,
      Instant lastUpdated,
      boolean deleted,
      String content,
      UUID doctorId) {}

  /** Versions newest first, and where the next page starts when there is one. */
  record HistoryPage(List<Stored> versions, HistoryCursor next) {}

  /**
   * A place in a history, newest first: the versions after it are older, or as old and further in
   * the (type, id, version) order. Carried in next links as {@code micros_type_id_version} (FHIR
   * ids hold no underscore).
   */
  record HistoryCursor(Instant lastUpdated, String type, String id, long version) {

    static HistoryCursor after(Stored last) {
      return new HistoryCursor(last.lastUpdated(), last.type(), last.id(), last.version());
    }

    static Optional<HistoryCursor> parse(String text) {
      String[] parts = text.split("_");
      if (parts.length != 4) {
        return Optional.empty();
      }
      try {
        long micros = Long.parseLong(parts[0]);
        return Optional.of(
            new HistoryCursor(
                Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
                parts[1],
                parts[2],
                Long.parseLong(parts[3])));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    @Override
    public String toString() {
      return ChronoUnit.MICROS.between(Instant.EPOCH, lastUpdated)
          + "_"
          + type
          + "_"
          + id
          + "_"
          + version;
    }
  }

  /** A page of search matches and what they include. */
  record Page(List<Stored> matches, List<Stored> included, String nextCursor) {}

  private static final String COLUMNS =
      "r.type, r.id, r.version, r.last_updated, r.deleted, r.content, r.doctor_id";

  private final JdbcTemplate jdbc;
  private final InsurerVisibility visibility;

  DirectoryQueries(JdbcTemplate jdbc, InsurerVisibility visibility) {
    this.jdbc = jdbc;
    this.visibility = visibility;
  }

  /** The current version, deleted or not, if the insurer may see the resource. */
  Optional<Stored> current(String insurerId, String type, String id) {
    return jdbc
        .query(
            "select "
                + COLUMNS
                + " from directory_resource r where r.insurer_id = ? and r.type = ? and r.id = ?"
                + " and "
                + visible("r"),
            DirectoryQueries::stored,
            insurerId,
            type,
            id)
        .stream()
        .findFirst();
  }

  /** One version, if the insurer may see the resource now. */
  Optional<Stored> version(String insurerId, String type, String id, long version) {
    return jdbc
        .query(
            "select "
                + COLUMNS
                + " from directory_history r where r.insurer_id = ? and r.type = ? and r.id = ?"
                + " and r.version = ? and "
                + visible("r"),
            DirectoryQueries::stored,
            insurerId,
            type,
            id,
            version)
        .stream()
        .findFirst();
  }

  /**
   * Versions newest first, of one resource ({@code id}), one type ({@code type}) or everything
   * ({@code type} null). Deletions are listed even once the doctor is hidden: they tell the insurer
   * what to drop, and carry nothing but the id. Pages follow one another by keyset ({@code after}),
   * so versions written between pages never shift what the next page holds.
   */
  HistoryPage history(
      String insurerId,
      String type,
      String id,
      Instant since,
      Instant before,
      HistoryCursor after,
      int max) {
    Sql sql =
        new Sql(
            "select " + COLUMNS + " from directory_history r where r.insurer_id = ?", insurerId);
    if (type != null) {
      sql.and("r.type = ?", type);
    }
    if (id != null) {
      sql.and("r.id = ?", id);
    }
    if (since != null) {
      sql.and("r.last_updated >= ?", Timestamp.from(since));
    }
    if (before != null) {
      sql.and("r.last_updated < ?", Timestamp.from(before));
    }
    if (after != null) {
      sql.and(
          "(r.last_updated, r.type, r.id, r.version) < (?, ?, ?, ?)",
          Timestamp.from(after.lastUpdated()),
          after.type(),
          after.id(),
          after.version());
    }
    sql.and("(r.deleted or " + visible("r") + ")");
    sql.append(
        " order by r.last_updated desc, r.type desc, r.id desc, r.version desc limit ?", max + 1);
    List<Stored> rows = jdbc.query(sql.text(), DirectoryQueries::stored, sql.args());
    boolean more = rows.size() > max;
    List<Stored> versions = more ? rows.subList(0, max) : rows;
    return new HistoryPage(
        List.copyOf(versions), more ? HistoryCursor.after(versions.get(max - 1)) : null);
  }

  /**
   * One page of a search, after {@code cursor} (a resource id), with its includes: one statement,
   * so the page and what it includes are read in one snapshot. An included resource of the same
   * doctor as the match that includes it is visible because that match is (the rule is the
   * doctor's, {@link #visible(String, String)}); any other is checked by the rule itself. That
   * spares the rule's check for each of a page's Practitioners, the commonest include, and a round
   * trip: at 100,000 doctors the separate include statement was a third of the search's time in
   * PostgreSQL.
   */
  Page search(String insurerId, DirectorySearch search, String cursor) {
    Sql matching = matching(insurerId, search, "select " + COLUMNS, cursor);
    Sql sql = new Sql("with page as materialized (");
    sql.append(matching.text(), matching.args());
    sql.append(" order by r.id limit ?) select 0 as part, r.* from page r", search.count() + 1);
    for (Include include : search.includes()) {
      sql.append(" union all select 1 as part, " + COLUMNS + PAGE_ROWS, search.count());
      sql.append(
          " join directory_search s on s.insurer_id = ? and s.type = p.type and s.id = p.id"
              + " and s.param = ?"
              + " join directory_resource r on r.insurer_id = s.insurer_id and r.type = ?"
              + " and r.id = split_part(s.value, '/', 2) and s.value = r.type || '/' || r.id"
              + " where p.type = ?",
          insurerId,
          include.reference().code(),
          include.reference().target(),
          include.sourceType());
      includedVisible(sql);
    }
    for (Include revinclude : search.revincludes()) {
      sql.append(" union all select 1 as part, " + COLUMNS + PAGE_ROWS, search.count());
      sql.append(
          " join directory_search s on s.insurer_id = ? and s.type = ? and s.param = ?"
              + " and s.value = p.type || '/' || p.id"
              + " join directory_resource r on r.insurer_id = s.insurer_id and r.type = s.type"
              + " and r.id = s.id where true",
          insurerId,
          revinclude.sourceType(),
          revinclude.reference().code());
      includedVisible(sql);
    }
    // Included resources in a fixed order, so the same page is the same bundle whichever plan
    // PostgreSQL picks (and so are its stored-JSON and HAPI-encoded answers).
    sql.append(" order by part, type, id");
    List<Stored> matches = new ArrayList<>();
    List<Stored> included = new ArrayList<>();
    for (PageRow row : planned(sql, (rs, n) -> new PageRow(rs.getInt("part"), stored(rs, n)))) {
      (row.part() == 0 ? matches : included).add(row.stored());
    }
    boolean more = matches.size() > search.count();
    List<Stored> page = more ? matches.subList(0, search.count()) : matches;
    String next = more ? page.get(page.size() - 1).id() : null;
    return new Page(List.copyOf(page), once(included), next);
  }

  /**
   * Each included resource once, though several matches include it: by type and id, which name one
   * version in a statement's snapshot (hashing whole records hashed every resource's content, 8 %
   * of the hub's CPU in a search load at 100,000 doctors).
   */
  private static List<Stored> once(List<Stored> resources) {
    Map<String, Stored> byKey = new LinkedHashMap<>();
    resources.forEach(r -> byKey.putIfAbsent(r.type() + "/" + r.id(), r));
    return List.copyOf(byKey.values());
  }

  /** A row of a page's statement: a match (part 0) or an included resource (part 1). */
  private record PageRow(int part, Stored stored) {}

  /** The page's matches that a page shows (not the one past its end), aliased {@code p}. */
  private static final String PAGE_ROWS = " from (select * from page order by id limit ?) p";

  /** An included resource {@code r}, of the match {@code p}, that the insurer may see. */
  private void includedVisible(Sql sql) {
    sql.append(" and not r.deleted and (r.doctor_id = p.doctor_id or " + visible("r") + ")");
  }

  /** How many resources match, all pages together. */
  long count(String insurerId, DirectorySearch search) {
    Sql sql = matching(insurerId, search, "select count(*)", null);
    return planned(sql, (rs, n) -> rs.getLong(1)).get(0);
  }

  /**
   * Runs a search planned for its own values, each time. Once a statement has run five times on a
   * connection, the driver prepares it on the server, and PostgreSQL may then switch to a generic
   * plan that cannot know how many resources a value matches: a specialty (thousands) and a city
   * (hundreds) look alike to it, and it picks a nested loop over the wrong one. At 100,000 doctors
   * the specialty-and-city search then ran in 10 ms instead of 2, for 1 to 5 ms of planning saved.
   */
  private <T> List<T> planned(Sql sql, RowMapper<T> mapper) {
    return jdbc.query(
        connection -> {
          PreparedStatement statement = connection.prepareStatement(sql.text());
          statement.unwrap(PGStatement.class).setPrepareThreshold(0);
          new ArgumentPreparedStatementSetter(sql.args()).setValues(statement);
          return statement;
        },
        mapper);
  }

  /**
   * The visible resources that match, after {@code cursor}. Criteria the index answers alone (a
   * parameter's values, a chain to the doctor's own resources) are joined on the resource id, so
   * PostgreSQL can merge their id-ordered index entries and stop at the page's end: a page costs
   * about what it returns plus the entries skipped on the way, not every resource that matches one
   * criterion (an INTERSECT read all 20,000 roles of a specialty to return 50). Only the ids that
   * survive are read as resources; the rest (ids, dates, chains to shared resources, {@code _has})
   * filter those resources.
   */
  private Sql matching(String insurerId, DirectorySearch search, String select, String cursor) {
    List<Match> indexed = new ArrayList<>();
    List<Criterion> filters = new ArrayList<>();
    for (Criterion criterion : search.criteria()) {
      Optional<Match> match = indexed(search.type(), criterion);
      if (match.isPresent()) {
        indexed.add(match.get());
      } else {
        filters.add(criterion);
      }
    }
    Sql sql;
    if (indexed.isEmpty()) {
      sql =
          new Sql(
              select
                  + " from directory_resource r where r.insurer_id = ? and r.type = ?"
                  + " and not r.deleted",
              insurerId,
              search.type());
      if (cursor != null) {
        sql.and("r.id > ?", cursor);
      }
    } else {
      sql = new Sql(select + " from (select distinct m0.id from directory_search m0");
      for (int i = 1; i < indexed.size(); i++) {
        String m = "m" + i;
        sql.append(
            (" join directory_search {m} on {m}.insurer_id = m0.insurer_id"
                    + " and {m}.type = m0.type and {m}.id = m0.id")
                .replace("{m}", m));
      }
      sql.append(" where m0.insurer_id = ? and m0.type = ?", insurerId, search.type());
      for (int i = 0; i < indexed.size(); i++) {
        String m = "m" + i;
        sql.and(m + ".param = ? and ", indexed.get(i).parameter().code());
        values(sql, m, indexed.get(i));
        if (cursor != null) {
          sql.and(m + ".id > ?", cursor);
        }
      }
      sql.append(
          ") m join directory_resource r on r.insurer_id = ? and r.type = ? and r.id = m.id"
              + " where not r.deleted",
          insurerId,
          search.type());
    }
    sql.and(visible("r", search.type()));
    for (Criterion criterion : filters) {
      criterion(sql, "r", criterion);
    }
    return sql;
  }

  /**
   * The criterion as one indexed parameter of the searched type, if it is one: a parameter's
   * values, or a chain from one of a doctor's own resources to another, whose target's values are
   * indexed on the referrer ({@link SearchIndex}); such a target is visible exactly when the
   * referrer is, being the same doctor's.
   */
  private static Optional<Match> indexed(String type, Criterion criterion) {
    if (criterion instanceof Match match) {
      return Optional.of(match);
    }
    if (criterion instanceof Chain chain
        && chain.onTarget() instanceof Match onTarget
        && DirectoryProjection.doctorOwned(type)
        && DirectoryProjection.doctorOwned(chain.reference().target())) {
      Parameter chained = onTarget.parameter();
      return Optional.of(
          new Match(
              new Parameter(
                  type,
                  SearchIndex.chain(chain.reference(), chained),
                  chained.type(),
                  chained.expression(),
                  chained.target(),
                  List.of(),
                  chained.description()),
              onTarget.modifier(),
              onTarget.values()));
    }
    return Optional.empty();
  }

  /**
   * A reference of {a} points at a resource {t} of the target type that the insurer may see;
   * followed by the criterion on {t} and a closing parenthesis.
   */
  private static final String CHAIN =
      """
      exists (select 1 from directory_search {a}c join directory_resource {t}
        on {t}.insurer_id = {a}c.insurer_id and {t}.type = ?
          and {t}.id = split_part({a}c.value, '/', 2) and {a}c.value = {t}.type || '/' || {t}.id
        where {a}c.insurer_id = {a}.insurer_id and {a}c.type = {a}.type and {a}c.id = {a}.id
          and {a}c.param = ? and not {t}.deleted and {visible}""";

  /**
   * A resource {t} of the source type that the insurer may see refers to {a}; followed by the
   * criterion on {t} and a closing parenthesis.
   */
  private static final String HAS =
      """
      exists (select 1 from directory_search {t}s join directory_resource {t}
        on {t}.insurer_id = {t}s.insurer_id and {t}.type = {t}s.type and {t}.id = {t}s.id
        where {t}s.insurer_id = {a}.insurer_id and {t}s.type = ? and {t}s.param = ?
          and {t}s.value = {a}.type || '/' || {a}.id and not {t}.deleted and {visible}""";

  /** A SQL condition and its arguments, in order. */
  record Condition(String sql, List<Object> args) {}

  /**
   * The search's criteria on a {@code directory_resource} row aliased {@code alias}, as one
   * condition (true when there are none), for statements outside this class that select the
   * insurer's resources their own way: the bulk export's {@code _typeFilter}.
   */
  Condition criteria(String alias, DirectorySearch search) {
    Sql sql = new Sql("(true");
    for (Criterion criterion : search.criteria()) {
      criterion(sql, alias, criterion);
    }
    sql.append(")");
    return new Condition(sql.text(), Arrays.asList(sql.args()));
  }

  /** Appends {@code and <criterion on alias>}. */
  private void criterion(Sql sql, String alias, Criterion criterion) {
    if (criterion instanceof Ids ids) {
      sql.and(alias + ".id = any(?)", (Object) ids.ids().toArray(String[]::new));
    } else if (criterion instanceof LastUpdated range) {
      if (range.from() != null) {
        sql.and(alias + ".last_updated >= ?", Timestamp.from(range.from()));
      }
      if (range.to() != null) {
        sql.and(alias + ".last_updated < ?", Timestamp.from(range.to()));
      }
    } else if (criterion instanceof Match match) {
      match(sql, alias, match);
    } else if (criterion instanceof Chain chain) {
      String target = alias + "t";
      sql.and(join(CHAIN, alias, target), chain.reference().target(), chain.reference().code());
      criterion(sql, target, chain.onTarget());
      sql.append(")");
    } else if (criterion instanceof Has has) {
      String source = alias + "h";
      sql.and(join(HAS, alias, source), has.sourceType(), has.reference().code());
      criterion(sql, source, has.onSource());
      sql.append(")");
    }
  }

  private String join(String template, String alias, String other) {
    return template
        .replace("{visible}", visible(other))
        .replace("{a}", alias)
        .replace("{t}", other);
  }

  /** {a} has a value of the parameter that matches the values that follow. */
  private static final String MATCH =
      """
      exists (select 1 from directory_search {a}x
        where {a}x.insurer_id = {a}.insurer_id and {a}x.type = {a}.type and {a}x.id = {a}.id
          and {a}x.param = ? and """;

  private static void match(Sql sql, String alias, Match match) {
    sql.append(" and " + MATCH.replace("{a}", alias), match.parameter().code());
    values(sql, alias + "x", match);
    sql.append(")");
  }

  /** Appends {@code (index.value matches any of the values)}. */
  private static void values(Sql sql, String index, Match match) {
    List<Object> args = new ArrayList<>();
    List<String> alternatives = new ArrayList<>();
    for (String value : match.values()) {
      switch (match.parameter().type()) {
        case STRING -> {
          String normalized = SearchIndex.normalize(value);
          if ("exact".equals(match.modifier())) {
            alternatives.add(index + ".value = ?");
            args.add(normalized);
          } else if ("contains".equals(match.modifier())) {
            alternatives.add(index + ".value like ?");
            args.add("%" + escapeLike(normalized) + "%");
          } else {
            startsWith(index, normalized, alternatives, args);
          }
        }
        case TOKEN -> {
          if (value.endsWith("|")) {
            startsWith(index, value, alternatives, args);
          } else {
            alternatives.add(index + ".value = ?");
            args.add(value);
          }
        }
        case REFERENCE -> {
          alternatives.add(index + ".value = ?");
          args.add(value.contains("/") ? value : match.parameter().target() + "/" + value);
        }
      }
    }
    sql.append("(" + String.join(" or ", alternatives) + ")", args.toArray());
  }

  /**
   * A starts-with match as the index range {@code [prefix, end)} ({@link SearchIndex#prefixEnd}),
   * not as {@code like 'prefix%'}: PostgreSQL estimates a {@code like} on a parameter's values as
   * if the parameter and the value were unrelated, so it took the 2,000 roles in one city for 4 and
   * probed each for its specialty (10,000 index pages per search at 100,000 doctors) instead of
   * merging the two id-ordered lists. A range on (param, value) is estimated from the statistics of
   * the pair (migration V21) and comes out close.
   */
  private static void startsWith(
      String index, String prefix, List<String> alternatives, List<Object> args) {
    Optional<String> end = SearchIndex.prefixEnd(prefix);
    if (end.isPresent()) {
      alternatives.add("(" + index + ".value ~>=~ ? and " + index + ".value ~<~ ?)");
      args.add(prefix);
      args.add(end.get());
    } else {
      alternatives.add(index + ".value ~>=~ ?");
      args.add(prefix);
    }
  }

  /**
   * {@link #visible(String)} for rows of a known type: for a doctor's own resources, only its first
   * branch. The rule is the same (such a row always names its doctor, {@link DirectoryProjection}),
   * but a search is planned for its values each time, and planning the two branches for shared
   * resources cost a millisecond more per search. The check stays in a {@code case}, so PostgreSQL
   * keeps it a check of each row rather than planning a join with every consent.
   */
  String visible(String alias, String type) {
    if (!DirectoryProjection.doctorOwned(type)) {
      return visible(alias);
    }
    return rule(
        "(case when {a}.doctor_id is not null then " + DOCTOR_SEEN + " else false end)", alias);
  }

  /**
   * The visibility rule on a directory row: derived from a doctor the insurer sees; or shared and
   * either the insurer's own (no owners) or published for at least one doctor it sees.
   */
  String visible(String alias) {
    return rule(
        "(case when {a}.doctor_id is not null then "
            + DOCTOR_SEEN
            + """
           else not exists (select 1 from directory_owner {a}o where {a}o.insurer_id = {a}.insurer_id
                              and {a}o.type = {a}.type and {a}o.id = {a}.id)
             or exists (select 1 from directory_owner {a}o join {pairs} {a}v
                          on {a}v.insurer_id = {a}o.insurer_id and {a}v.doctor_id = {a}o.doctor_id
                        where {a}o.insurer_id = {a}.insurer_id and {a}o.type = {a}.type
                          and {a}o.id = {a}.id)
         end)""",
        alias);
  }

  /** A row of the insurer's doctors: one the insurer may see now. */
  private static final String DOCTOR_SEEN =
      """
      exists (select 1 from {pairs} {a}v
              where {a}v.insurer_id = {a}.insurer_id and {a}v.doctor_id = {a}.doctor_id)""";

  private String rule(String template, String alias) {
    return template.replace("{pairs}", visibility.pairs()).replace("{a}", alias);
  }

  static String escapeLike(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static Stored stored(ResultSet rs, int row) throws SQLException {
    return new Stored(
        rs.getString("type"),
        rs.getString("id"),
        rs.getLong("version"),
        rs.getTimestamp("last_updated").toInstant(),
        rs.getBoolean("deleted"),
        rs.getString("content"),
        rs.getObject("doctor_id", UUID.class));
  }

  /** A statement built up with its arguments in order. */
  private static final class Sql {
    private final StringBuilder text;
    private final List<Object> args = new ArrayList<>();

    Sql(String start, Object... args) {
      this.text = new StringBuilder(start);
      this.args.addAll(List.of(args));
    }

    void and(String condition, Object... args) {
      append(" and " + condition, args);
    }

    void append(String more, Object... args) {
      text.append(more);
      this.args.addAll(List.of(args));
    }

    String text() {
      return text.toString();
    }

    Object[] args() {
      return args.toArray();
    }
  }
}
