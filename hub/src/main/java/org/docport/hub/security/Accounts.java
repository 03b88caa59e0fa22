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
          "insert into account (username, password_hash, role, email_verified_at)"
              + " values (?, ?, ?, now())",
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
   * A doctor's own sign-up: the e-mail address is the username, and the account cannot sign in
   * until the address is verified.
   *
   * @throws ApiException 409 when an account has this address
   */
  public void register(String email, String rawPassword) {
    String hash = passwords.encode(rawPassword);
    try {
      jdbc.update(
          "insert into account (username, password_hash, role, email) values (?, ?, 'DOCTOR', ?)",
          email,
          hash,
          email);
    } catch (DuplicateKeyException e) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Already registered",
          "An account with the e-mail address '"
              + email
              + "' exists. Sign in with it, or ask for a new verification link if it is not"
              + " verified yet.");
    }
  }

  /** Marks the account's address verified; false when there is no such account. */
  public boolean verifyEmail(String username) {
    return jdbc.update(
            "update account set email_verified_at = coalesce(email_verified_at, now())"
                + " where username = ?",
            username)
        == 1;
  }

  /** The account to send a new verification link to: registered with this address, unverified. */
  public Optional<String> awaitingVerification(String email) {
    return jdbc
        .queryForList(
            "select username from account where email = ? and email_verified_at is null",
            String.class,
            email)
        .stream()
        .findFirst();
  }

  /** The username someone signs in as, given their username or their e-mail address. */
  public String usernameFor(String login) {
    if (login == null) {
      return "";
    }
    return jdbc
        .queryForList(
            "select username from account where email = ?",
            String.class,
            login.toLowerCase(java.util.Locale.ROOT))
        .stream()
        .findFirst()
        .orElse(login);
  }

  /** The account's verified e-mail address, if it has one. */
  public Optional<String> email(String username) {
    return jdbc
        .queryForList("select email from account where username = ?", String.class, username)
        .stream()
        .filter(e -> e != null)
        .findFirst();
  }

  /**
   * Gives an insurer its API account with a new password (a repeated call replaces the password).
   */
  public void issueInsurerAccount(String username, String rawPassword, String insurerId) {
    jdbc.update(
        """
        insert into account (username, password_hash, role, insurer_id, email_verified_at)
        values (?, ?, 'INSURER', ?, now())
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
