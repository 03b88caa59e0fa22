package org.docport.hub.registry;

/** The US National Provider Identifier check: 10 digits, Luhn over the 80840 card-issuer prefix. */
final class Npi {

  private Npi() {}

  static boolean isValid(String npi) {
    if (npi == null || !npi.matches("\\d{10}")) {
      return false;
    }
    // The NPI check digit is the Luhn digit of "80840" + the first nine digits.
    String digits = "80840" + npi.substring(0, 9);
    int sum = 0;
    boolean doubleIt = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    int check = (10 - (sum % 10)) % 10;
    return check == npi.charAt(9) - '0';
  }
}
