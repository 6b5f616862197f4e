package dev.tern.bootstrap.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the ACL file, in the style of mosquitto's:
 * <pre>
 * # rules before the first "user" line apply to anonymous clients
 * topic read public/#
 *
 * user alice
 * topic readwrite alice/#
 * topic deny alice/secret/#
 *
 * # patterns apply to every client, wherever they appear
 * pattern readwrite devices/%c/#
 * pattern read inbox/%u/#
 * </pre>
 * The access word ({@code read}, {@code write}, {@code readwrite}, {@code deny}) is optional and
 * defaults to {@code readwrite}; the rest of the line is the filter.
 *
 * <p>Threading: stateless.
 */
public final class AclFile {

    private AclFile() {
    }

    /** @throws IllegalArgumentException naming the first broken line */
    public static AclRules parse(List<String> lines) {
        List<AclRule> anonymous = new ArrayList<>();
        Map<String, List<AclRule>> users = new LinkedHashMap<>();
        List<AclRule> patterns = new ArrayList<>();
        List<AclRule> section = anonymous;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+", 2);
            String rest = words.length > 1 ? words[1].strip() : "";
            try {
                switch (words[0]) {
                    case "user" -> {
                        if (rest.isEmpty()) {
                            throw new IllegalArgumentException("user needs a name");
                        }
                        section = users.computeIfAbsent(rest, name -> new ArrayList<>());
                    }
                    case "topic" -> section.add(rule(rest, false));
                    case "pattern" -> patterns.add(rule(rest, true));
                    default -> throw new IllegalArgumentException("expected user, topic or pattern, not " + words[0]);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        Map<String, List<AclRule>> frozen = new LinkedHashMap<>();
        users.forEach((name, rules) -> frozen.put(name, List.copyOf(rules)));
        return new AclRules(anonymous, frozen, patterns);
    }

    private static AclRule rule(String text, boolean pattern) {
        String[] words = text.split("\\s+", 2);
        AclAccess access = switch (words[0].toLowerCase(Locale.ROOT)) {
            case "read" -> AclAccess.READ;
            case "write" -> AclAccess.WRITE;
            case "readwrite" -> AclAccess.READWRITE;
            case "deny" -> AclAccess.DENY;
            default -> null;
        };
        String filter = access == null ? text : words.length > 1 ? words[1].strip() : "";
        if (filter.isEmpty()) {
            throw new IllegalArgumentException((pattern ? "pattern" : "topic") + " needs a topic filter");
        }
        return new AclRule(access == null ? AclAccess.READWRITE : access, filter, pattern);
    }
}
