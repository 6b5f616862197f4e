package dev.tern.application.port;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a package whose public types plug-ins and embedders may rely on: changed only with notice,
 * unlike the internal packages. The architecture tests keep adapters on packages that carry it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface StableApi {
}
