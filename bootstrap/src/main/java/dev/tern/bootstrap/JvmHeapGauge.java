package dev.tern.bootstrap;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import dev.tern.application.overload.HeapGauge;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.util.stream.Collectors;

/**
 * Live heap from the JVM's collector beans: the heap pools' use right after the most recent
 * collection, against the maximum heap. Not the pools' own "collection usage": with G1 the old
 * generation's is only updated by old collections, so it would miss everything young collections
 * promote. Where the JDK's collector beans lack the last collection's figures, the current use
 * stands in.
 *
 * <p>The last collection's figures are read again only after another collection: the beans build
 * them as JMX open data, a map and a usage record per pool, each time they are asked, and the
 * monitor asks at every check (ten a second) while collections come about once a second under
 * load; the collection counts that tell whether one ran are plain reads. The monitor's thread
 * used 7.1 ms of CPU instead of 10.3 over 3 s of a 10,000 msg/s run (docs/benchmarks.md, "Results").
 *
 * <p>Threading: called on the overload monitor's thread only.
 */
final class JvmHeapGauge implements HeapGauge {

    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final long maxHeap = Runtime.getRuntime().maxMemory();
    private long collectionsAtLastRefresh = -1;
    /** The collections counted when {@link #liveAfterLast} was read; -1 before the first read. */
    private long collectionsAtLastRead = -1;
    /** The live fraction after the most recent collection; negative when the beans did not say. */
    private double liveAfterLast = -1;

    @Override
    public double liveFraction() {
        long collections = collections();
        if (collections != collectionsAtLastRead) {
            collectionsAtLastRead = collections;
            liveAfterLast = readLiveAfterLastCollection();
        }
        if (liveAfterLast < 0) {
            return (double) ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / maxHeap;
        }
        return liveAfterLast;
    }

    /**
     * The live fraction the beans report for the most recent collection, or -1 when they report
     * none. HotSpot counts a collection a moment before it publishes the collection's figures, so
     * figures older than the count are read again at the next check rather than kept.
     */
    private double readLiveAfterLastCollection() {
        GcInfo last = null;
        for (GarbageCollectorMXBean collector : collectors) {
            if (collector instanceof com.sun.management.GarbageCollectorMXBean detailed) {
                GcInfo info = detailed.getLastGcInfo();
                if (info != null && info.getId() < detailed.getCollectionCount()) {
                    collectionsAtLastRead = -1;
                }
                if (info != null && (last == null || info.getEndTime() > last.getEndTime())) {
                    last = info;
                }
            }
        }
        return last == null ? -1 : liveAfter(last);
    }

    private long collections() {
        long collections = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            collections += Math.max(0, collector.getCollectionCount());
        }
        return collections;
    }

    private double liveAfter(GcInfo collection) {
        long live = 0;
        for (Map.Entry<String, MemoryUsage> pool : collection.getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                live += pool.getValue().getUsed();
            }
        }
        return (double) live / maxHeap;
    }

    /** Through the collectors' JMX notifications, on the JVM's notification thread. */
    @Override
    public Runnable onCollection(DoubleConsumer liveFraction) {
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                liveFraction.accept(liveAfter(GarbageCollectionNotificationInfo
                        .from((CompositeData) notification.getUserData()).getGcInfo()));
            }
        };
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean collector : collectors) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        return () -> emitters.forEach(emitter -> {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing to undo
            }
        });
    }

    /**
     * Asks for a collection only when none ran since the last call: then the JVM is idle, a
     * collection costs little, and without one the figure would stay at its overloaded value.
     * Under load collections run anyway and nothing is asked.
     */
    @Override
    public void refresh() {
        long collections = collections();
        if (collections == collectionsAtLastRefresh) {
            System.gc();
            collections++;
        }
        collectionsAtLastRefresh = collections;
    }
}
