package org.rekindle.web.api;

/** The session's token is gone or expired: the person signs in again and comes back. */
public class SignInAgain extends RuntimeException {

    public SignInAgain() {
        super("sign in again");
    }
}
