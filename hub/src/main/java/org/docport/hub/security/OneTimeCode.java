package org.docport.hub.security;

/** A 6-digit code from the authenticator app or, where signing in, one of the recovery codes. */
record OneTimeCode(String code) {}
