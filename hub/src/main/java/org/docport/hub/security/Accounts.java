package org.docport.hub.security;

import java.util.Optional;
import java.util.UUID;
import org.docport.hub.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** The accounts that can sign in, with their password hashes (Argon2id) and roles. */
@Repository
public class Accounts implements UserDetailsService {

  private final JdbcTemplate jdbc;
  private final PasswordEncoder passwords;

  Accounts(JdbcTemplate jdbc, PasswordEncoder passwords) {
    this.jdbc = jdbc;
    this.passwords = passwords;
  }

  @Override
  public DocPortUser loadUserByUsername(String username) {
    return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
  }

  public Optional<DocPortUser> find(String username) {
    return jdbc
        .query(
            "select username, password_hash, role, doctor_id, insurer_id from account"
                + " where username = ?",
            (rs, n) ->
                new DocPortUser(
                    rs.getString(1),
                    rs.getString(2),
                    DocPortUser.Role.valueOf(rs.getString(3)),
                    rs.getObject(4, UUID.class),
                    rs.getString(5)),
            username)
        .stream()
        .findFirst();
  }

  /**
   * Creates an account.
   *
   * @throws ApiException 409 when the username is taken
   */
  public DocPortUser create(String username, String rawPassword, DocPortUser.Role role) {
    String hash = passwords.encode(rawPassword);
    try {
      jdbc.update(
          "insert into account (username, password_hash, role) values (?, ?, ?)",
          username,
          hash,
          role.name());
    } catch (DuplicateKeyException e) {
      throw new ApiException(
          HttpStatus.CONFLICT, "Username taken", "An account named '" + username + "' exists.");
    }
    return new DocPortUser(username, hash, role, null, null);
  }

  /**
   * Gives an insurer its API account with a new password (a repeated call replaces the password).
   */
  public void issueInsurerAccount(String username, String rawPassword, String insurerId) {
    jdbc.update(
        """
        insert into account (username, password_hash, role, insurer_id) values (?, ?, 'INSURER', ?)
        on conflict (username) do update set password_hash = excluded.password_hash
        where account.insurer_id = excluded.insurer_id
        """,
        username,
        passwords.encode(rawPassword),
        insurerId);
  }

  /** Links a doctor account to the doctor record it created. */
  public void linkDoctor(String username, UUID doctorId) {
    jdbc.update("update account set doctor_id = ? where username = ?", doctorId, username);
  }

  public boolean anyOperator() {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from account where role = 'OPERATOR')", Boolean.class));
  }
}
