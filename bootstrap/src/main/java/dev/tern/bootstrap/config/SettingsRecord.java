package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A settings record type under a namespace: the settings its {@link Setting}-annotated components
 * declare, and how to build the record from their parsed values.
 *
 * <p>Threading: immutable; thread-safe.
 */
final class SettingsRecord<R extends Record> {

    private final Class<R> type;
    private final String namespace;
    private final List<SettingSpec> specs = new ArrayList<>();

    /**
     * @param namespace the key prefix without its final dot: {@code storage.h2}
     * @throws IllegalStateException when a component lacks {@link Setting} or has a type settings cannot have
     */
    SettingsRecord(Class<R> type, String namespace) {
        this.type = type;
        this.namespace = namespace;
        for (RecordComponent component : type.getRecordComponents()) {
            Setting setting = component.getAnnotation(Setting.class);
            if (setting == null) {
                throw new IllegalStateException("settings record " + type.getName() + " component "
                        + component.getName() + " has no @Setting");
            }
            String key = setting.name().isEmpty() ? dashed(component.getName()) : setting.name();
            specs.add(new SettingSpec(namespace + "." + key, setting.defaultValue(),
                    ComponentParsers.forComponent(component, setting), setting.description()));
        }
    }

    /** {@code ioThreads} is {@code io-threads}. */
    static String dashed(String camelCase) {
        StringBuilder dashed = new StringBuilder();
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                dashed.append('-').append(Character.toLowerCase(c));
            } else {
                dashed.append(c);
            }
        }
        return dashed.toString();
    }

    List<SettingSpec> specs() {
        return List.copyOf(specs);
    }

    String namespace() {
        return namespace;
    }

    /**
     * Builds the record from the parsed values of its settings.
     *
     * @param parsed every parsed value, by full key; those of this record must be present
     * @throws ConfigException when the record's own checks refuse the combination
     */
    R bind(Map<String, Object> parsed) {
        Object[] arguments = specs.stream().map(spec -> parsed.get(spec.key())).toArray();
        Class<?>[] parameterTypes = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw new ConfigException(namespace + ".*: " + refused.getMessage());
            }
            throw new IllegalStateException("settings record " + type.getName() + " failed: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("settings record " + type.getName() + " cannot be built: " + e, e);
        }
    }
}
