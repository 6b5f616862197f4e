package dev.tern.application.storage;

/**
 * How the {@link StorageWriter} gathers writes into transactions.
 *
 * <p>Lingering: under load a batch often holds only part of what is on its way. One publisher
 * with 64 messages in flight, for instance, sees its acknowledgements released by one commit and
 * its next messages arrive while the writer has already started the next, smaller commit, so each
 * window is split over two commits and two fsyncs. When the last batch held at least {@code
 * lingerFrom} writes and the current one holds fewer, the writer pauses up to {@code
 * lingerPauses} times (a {@link Pause} each) for the rest. Under light load (small batches) it
 * never waits, so a lone message is not delayed.
 *
 * @param maxBatch     writes in one transaction at most
 * @param behindAt     writes handed over but not yet committed above which the writer is behind
 * @param lingerFrom   size of the last batch from which a smaller batch waits for more writes
 * @param lingerPauses pauses a batch waits at most; 0 never waits
 */
public record GroupCommit(int maxBatch, int behindAt, int lingerFrom, int lingerPauses) {

    public GroupCommit {
        if (maxBatch < 1 || behindAt < 1 || lingerFrom < 1 || lingerPauses < 0) {
            throw new IllegalArgumentException("group commit limits out of range: " + maxBatch + ", " + behindAt
                    + ", " + lingerFrom + ", " + lingerPauses);
        }
    }

    /** Batches of whatever has piled up, never waiting for more. */
    public static GroupCommit withoutLinger(int maxBatch, int behindAt) {
        return new GroupCommit(maxBatch, behindAt, 1, 0);
    }
}
