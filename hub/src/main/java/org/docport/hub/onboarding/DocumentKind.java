package org.docport.hub.onboarding;

/** Documents onboarding requires. */
public enum DocumentKind {
  /** A copy of the medical licence or registration certificate. */
  LICENCE,
  /** The degree certificate. */
  DEGREE
}
