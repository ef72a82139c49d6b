package org.rekindle.content.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This field may have no value; it is then left out of the JSON. Every other field is always present. The AsyncAPI
 * document's schemas read it (by this simple name, so the contract needs nothing but the JDK).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {
}
