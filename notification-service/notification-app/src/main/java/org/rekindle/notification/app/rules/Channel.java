package org.rekindle.notification.app.rules;

/** Where a notification goes: an email and the in-app feed; each can be opted out of per recipient. */
public enum Channel { EMAIL, FEED }
