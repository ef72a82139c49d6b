package org.rekindle.platform.security;

/** The roles a token's {@code roles} claim can hold; authorities are {@code ROLE_<name>}. */
public enum Role { CLIENT, COACH, PRACTICE_ADMIN }
