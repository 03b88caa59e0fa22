package org.docport.hub.security;

import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import org.docport.hub.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Doctors sign up here; operators are created by an operator or at first start. */
@RestController
class AccountController {

  /** A new doctor account. */
  record SignUp(String username, String password) {}

  /** The created account, without secrets. */
  record AccountView(String username, String role) {}

  private final Accounts accounts;

  AccountController(Accounts accounts) {
    this.accounts = accounts;
  }

  @Operation(summary = "Create a doctor account (then create the doctor profile with it)")
  @PostMapping("/api/accounts")
  @ResponseStatus(HttpStatus.CREATED)
  AccountView signUp(@RequestBody SignUp request) {
    List<ApiException.FieldError> errors = new ArrayList<>();
    if (request.username() == null || !request.username().matches("[A-Za-z0-9._@-]{3,64}")) {
      errors.add(new ApiException.FieldError("username", "3 to 64 letters, digits or . _ @ -"));
    }
    if (request.password() == null
        || request.password().length() < 12
        || request.password().length() > 128) {
      errors.add(new ApiException.FieldError("password", "12 to 128 characters"));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid account", "See errors.", errors);
    }
    DocPortUser user =
        accounts.create(request.username(), request.password(), DocPortUser.Role.DOCTOR);
    return new AccountView(user.username(), user.role().name());
  }
}
