package org.docport.hub.security;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in account: an operator, a doctor who may act on their own record only, or an insurer
 * acting for itself.
 *
 * @param doctorId the doctor record this account owns; null for operators, insurers and doctors who
 *     have not created their profile yet
 * @param insurerId the insurer this account acts for; null unless the role is INSURER
 */
public record DocPortUser(
    String username, String passwordHash, Role role, UUID doctorId, String insurerId)
    implements UserDetails {

  /** What an account may do. */
  public enum Role {
    DOCTOR,
    OPERATOR,
    INSURER
  }

  /** Whether this account may act for the given insurer (decide its enrolments). */
  public boolean mayActFor(String insurer) {
    return isOperator() || (role == Role.INSURER && insurer.equals(insurerId));
  }

  public boolean isOperator() {
    return role == Role.OPERATOR;
  }

  /** Whether this account may read and change the given doctor's record. */
  public boolean mayActOn(UUID doctor) {
    return isOperator() || (doctorId != null && doctorId.equals(doctor));
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }
}
