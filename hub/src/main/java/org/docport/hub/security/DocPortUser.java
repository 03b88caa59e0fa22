package org.docport.hub.security;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in account: an operator, or a doctor who may act on their own record only.
 *
 * @param doctorId the doctor record this account owns; null for operators and for doctors who have
 *     not created their profile yet
 */
public record DocPortUser(String username, String passwordHash, Role role, UUID doctorId)
    implements UserDetails {

  /** What an account may do. */
  public enum Role {
    DOCTOR,
    OPERATOR
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
