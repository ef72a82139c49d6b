package org.rekindle.web.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services are, and where the issuer ends a session at sign-out ({@code endSessionUri}; the OIDC
 * RP-initiated logout endpoint, so signing out of Rekindle also signs out of the issuer on a shared computer), and
 * the identity directory that gives people's display names ({@code directoryUrl}, empty for none: pages then show ids;
 * the client id and secret of the services' client-credentials client).
 */
@ConfigurationProperties("rekindle.web")
public record WebProperties(String journalUrl, String contentUrl, String planUrl, String notificationUrl,
                            String endSessionUri, String directoryUrl, String directoryClientId,
                            String directoryClientSecret) {
}
