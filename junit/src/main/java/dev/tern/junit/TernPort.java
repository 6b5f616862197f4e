package dev.tern.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code int} test parameter that {@link TernExtension} fills with the bound port of a
 * listener of the running broker: {@code void test(@TernPort int port)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface TernPort {

    /** The listener's name: {@code tcp} (the default), {@code websocket}, ... */
    String value() default "tcp";
}
