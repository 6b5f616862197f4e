package dev.tern.bootstrap.security;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * Creates a security adapter named by class in the configuration ({@code security.authenticator},
 * {@code security.authorizer}): the class must be on the class path, implement the port, and have
 * a public constructor taking {@code Map<String, String>} (the security settings) or none.
 *
 * <p>Threading: stateless.
 */
public final class CustomAdapter {

    private CustomAdapter() {
    }

    /** @throws IllegalArgumentException saying why the class cannot serve */
    public static <T> T create(String className, Class<T> port, Map<String, String> settings) {
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + className + " on the class path", e);
        }
        if (!port.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " does not implement " + port.getName());
        }
        try {
            try {
                Constructor<?> withSettings = type.getConstructor(Map.class);
                return port.cast(withSettings.newInstance(Map.copyOf(settings)));
            } catch (NoSuchMethodException e) {
                return port.cast(type.getConstructor().newInstance());
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(className + " needs a public constructor taking Map<String, String> or none", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(className + " failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(className + " cannot be created: " + e, e);
        }
    }
}
