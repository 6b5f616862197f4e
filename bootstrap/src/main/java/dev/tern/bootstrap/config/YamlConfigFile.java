package dev.tern.bootstrap.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML configuration file into dotted keys: nested mappings and dotted names are the same
 * thing, so {@code listeners: {tcp: {port: 1884}}} and {@code listeners.tcp.port: 1884} agree.
 */
final class YamlConfigFile {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private YamlConfigFile() {
    }

    /** @throws ConfigException if the file is missing, unreadable, not YAML or holds lists or nulls */
    static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist or is not a regular file");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ConfigException("config file " + file + " is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, String> flat = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return flat;
        }
        if (!root.isObject()) {
            throw new ConfigException("config file " + file + " must hold a mapping of settings");
        }
        List<String> problems = new ArrayList<>();
        flatten("", root, flat, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream().map(problem -> problem + " (in config file " + file + ")").toList());
        }
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat, List<String> problems) {
        node.properties().forEach(field -> {
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key, value, flat, problems);
            } else if (value.isArray()) {
                problems.add(key + ": lists are not supported");
            } else if (value.isNull()) {
                problems.add(key + ": has no value");
            } else if (flat.putIfAbsent(key, value.asText()) != null) {
                problems.add(key + ": given twice");
            }
        });
    }
}
