package dev.tern.domain.topic;

import java.util.Random;

/** Random filters and topics over a small alphabet, so that matches, empty levels and '$' topics are common. */
public final class RandomTopics {

    private static final String[] LEVELS = {"a", "b", "c", ""};
    private static final String[] SYSTEM_LEVELS = {"$SYS", "$x"};

    private final Random random;

    public RandomTopics(long seed) {
        this.random = new Random(seed);
    }

    public String topic() {
        StringBuilder topic = new StringBuilder();
        int depth = 1 + random.nextInt(4);
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                topic.append('/');
            }
            boolean system = i == 0 && random.nextInt(6) == 0;
            topic.append(system ? pick(SYSTEM_LEVELS) : pick(LEVELS));
        }
        // A lone empty level would be an empty topic, which is invalid [MQTT-4.7.3-1].
        return topic.length() == 0 ? topic() : topic.toString();
    }

    public String filter() {
        StringBuilder filter = new StringBuilder();
        boolean shared = random.nextInt(8) == 0;
        int depth = 1 + random.nextInt(4);
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                filter.append('/');
            }
            if (i == depth - 1 && random.nextInt(4) == 0) {
                filter.append('#');
            } else if (random.nextInt(4) == 0) {
                filter.append('+');
            } else {
                boolean system = i == 0 && random.nextInt(8) == 0;
                filter.append(system ? pick(SYSTEM_LEVELS) : pick(LEVELS));
            }
        }
        if (filter.length() == 0) {
            return filter();
        }
        if (shared) {
            filter.insert(0, "$share/g" + random.nextInt(2) + "/");
        }
        return filter.toString();
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
