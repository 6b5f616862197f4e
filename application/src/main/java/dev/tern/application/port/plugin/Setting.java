package dev.tern.application.port.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One setting of a provider, declared on a component of its settings record. The broker reads it
 * from every configuration source (defaults, YAML, {@code TERN_*} variables, {@code --set}) under
 * the provider's namespace, parses it by the component's type, checks the bounds, and lists it in
 * {@code --help}. A record's compact constructor may then check rules across settings; its
 * {@link IllegalArgumentException} stops the broker with the message.
 *
 * <p>Supported component types: {@code String}, {@code int}, {@code long}, {@code boolean},
 * {@link java.time.Duration} (written in whole seconds), {@link java.nio.file.Path},
 * {@link java.net.URI}, {@code List<String>} (comma-separated), enums (constants written in lower
 * case with dashes: {@code ACK_AFTER_COMMIT} is {@code ack-after-commit}), and {@code Optional} of
 * {@code String}, {@code Path} or {@code URI} ({@code none} is empty).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {

    /** The key under the provider's namespace; empty means the component's name in dashed lower case. */
    String name() default "";

    /** The default, written as it would be in the configuration. */
    String defaultValue();

    /** One line for {@code --help}: what the setting means. */
    String description();

    /** Smallest accepted value of a number or of a duration's seconds. */
    long min() default Long.MIN_VALUE;

    /** Largest accepted value of a number or of a duration's seconds. */
    long max() default Long.MAX_VALUE;
}
