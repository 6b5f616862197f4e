package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The parser of a settings record component, chosen by its Java type and bounded by its {@link Setting}. */
final class ComponentParsers {

    private ComponentParsers() {
    }

    /** @throws IllegalStateException naming the component when its type is not supported */
    static ValueParser<?> forComponent(RecordComponent component, Setting setting) {
        Type type = component.getGenericType();
        if (type instanceof ParameterizedType parameterized) {
            Type raw = parameterized.getRawType();
            Type argument = parameterized.getActualTypeArguments()[0];
            if (raw == Optional.class && argument == String.class) {
                return ValueParser.optionalText();
            }
            if (raw == Optional.class && argument == Path.class) {
                return ValueParser.optionalPath();
            }
            if (raw == Optional.class && argument == URI.class) {
                ValueParser<Optional<String>> text = ValueParser.optionalText();
                return value -> text.parse(value).map(ComponentParsers::uri);
            }
            if (raw == List.class && argument == String.class) {
                return ValueParser.commaSeparated();
            }
        } else if (type instanceof Class<?> plain) {
            ValueParser<?> parser = forClass(plain, setting);
            if (parser != null) {
                return parser;
            }
        }
        throw new IllegalStateException("setting " + component.getDeclaringRecord().getName() + "."
                + component.getName() + " has a type settings cannot have: " + type.getTypeName());
    }

    private static ValueParser<?> forClass(Class<?> type, Setting setting) {
        if (type == String.class) {
            // A setting declared empty by default may be set empty again; any other must not be blank.
            return setting.defaultValue().isEmpty() ? text -> text : ValueParser.text();
        }
        if (type == int.class || type == Integer.class) {
            return ValueParser.integer((int) Math.max(setting.min(), Integer.MIN_VALUE),
                    (int) Math.min(setting.max(), Integer.MAX_VALUE));
        }
        if (type == long.class || type == Long.class) {
            return ValueParser.longInteger(setting.min(), setting.max());
        }
        if (type == boolean.class || type == Boolean.class) {
            return ValueParser.bool();
        }
        if (type == Duration.class) {
            ValueParser<Long> seconds = ValueParser.longInteger(Math.max(0, setting.min()), setting.max());
            return text -> Duration.ofSeconds(seconds.parse(text));
        }
        if (type == Path.class) {
            ValueParser<String> text = ValueParser.text();
            return value -> ValueParser.optionalPath().parse(text.parse(value)).orElseThrow(
                    () -> new IllegalArgumentException("is not a file path"));
        }
        if (type == URI.class) {
            ValueParser<String> text = ValueParser.text();
            return value -> uri(text.parse(value));
        }
        if (type.isEnum()) {
            return choice(type.getEnumConstants());
        }
        return null;
    }

    private static URI uri(String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URI");
        }
    }

    private static ValueParser<Object> choice(Object[] constants) {
        return text -> Arrays.stream(constants)
                .filter(constant -> configName(constant).equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("is not one of "
                        + Arrays.stream(constants).map(ComponentParsers::configName).collect(Collectors.joining(", "))));
    }

    /** {@code ACK_AFTER_COMMIT} is written {@code ack-after-commit}, unless the enum names itself. */
    static String configName(Object constant) {
        if (constant instanceof ConfigChoice choice) {
            return choice.configName();
        }
        return ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
