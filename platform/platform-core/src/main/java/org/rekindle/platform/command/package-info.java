/**
 * The three ways a command can be refused, shared by every service's domain code and answered the same way by
 * {@code ProblemDetailsAdvice}. Plain exceptions, no framework: domain packages may use them.
 */
package org.rekindle.platform.command;
